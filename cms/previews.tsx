/**
 * Preview panes: what the entry will look like on the site, styled by the site's own stylesheet
 * (src/styles/global.css, registered in cms/main.ts) and computed by the site's own logic (notice states, rates).
 * The Markdown body goes through Decap's markdown preview with `sanitize_preview: true`.
 */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { ReactNode } from 'react';
import { shanghaiDay } from '../src/lib/site/dates.ts';
import { noticeState, noticeStateLabel, periodLength } from '../src/lib/record/notice-state.ts';
import { formatFen, formatYuan, ledgerTotals, type LedgerLine } from '../src/lib/finance/finance.ts';
import { indicator, indicatorValue, RATE_INDICATORS } from '../src/lib/stats/indicators.ts';
import { countsFromDraft } from '../src/lib/stats/model.ts';
import { formatPercent } from '../src/lib/stats/rates.ts';
import { FINANCE_CATEGORY_LABELS, type FinanceCategory } from '../src/schemas/finance.ts';
import { LEGAL_TOPIC_LABELS, LEGAL_TYPE_LABELS, type LegalTopic, type LegalType } from '../src/schemas/legal.ts';
import { MEETING_BODY_LABELS, type MeetingBody } from '../src/schemas/meeting.ts';
import { NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../src/schemas/notice.ts';
import { GRID_EVENT_CATEGORIES } from '../src/schemas/stats.ts';
import { isCalendarDate } from '../src/schemas/common.ts';
import { MARKDOWN_FIELD } from './config.ts';
import { checkEntry } from './entry-check.ts';
import { fullPlaceName, monthLabel, type CmsPlace } from './places.ts';

type Data = Record<string, unknown>;

let places: readonly CmsPlace[] = [];
/** The place list of the admin page, so previews show names ("石桥村"), not ids ("shiqiao"). */
export function setPreviewPlaces(list: readonly CmsPlace[]): void {
  places = list;
}

function placeName(value: unknown): string {
  return typeof value === 'string' && value !== '' ? fullPlaceName(places, value) : '（未选择村/社区）';
}

/** The gate's problems with one group of fields (e.g. demands), as the editor will see them on save. */
function problemsIn(collection: 'stats' | 'notices' | 'meetings', data: Data, prefix: string): string[] {
  const result = checkEntry(collection, data, '预览');
  return result.errors.filter((e) => e.field.startsWith(prefix)).map((e) => e.message);
}

function Problems({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" style={{ border: '2px solid #b00020', padding: '0.25rem 1rem', background: '#fff4f4' }}>
      <p>
        <strong>数字有误，保存时会被拒绝：</strong>
      </p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

function dataOf(props: PreviewTemplateComponentProps): Data {
  return (props.entry.get('data')?.toJS() ?? {}) as Data;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function DemoFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main">
      <p className="demo-banner">预览：保存并发布后才会出现在网站上</p>
      {children}
    </main>
  );
}

export function NoticePreview(props: PreviewTemplateComponentProps) {
  const data = dataOf(props);
  const period = (data.period ?? {}) as Data;
  const start = text(period.start);
  const end = text(period.end);
  const complete = isCalendarDate(start) && isCalendarDate(end);
  const hasPeriod = complete && start <= end;
  const state = hasPeriod
    ? noticeStateLabel(noticeState({ start, end }, shanghaiDay(new Date())))
    : complete
      ? `公示期有误：结束日期 ${end} 早于开始日期 ${start}`
      : '公示期未填写完整';
  const contact = (data.contact ?? {}) as Data;
  const review = data.review as Data | undefined;
  const attachments = (Array.isArray(data.attachments) ? data.attachments : []) as Data[];
  return (
    <DemoFrame>
      <article>
        <p>
          {NOTICE_CATEGORY_LABELS[data.category as NoticeCategory] ?? ''} · {placeName(data.place)}
        </p>
        <h1>{text(data.title) || '（未填写标题）'}</h1>
        <p>
          <strong>{state}</strong>
          {hasPeriod && (
            <>
              {' '}
              · 公示期 {start} 至 {end}（共 {periodLength({ start, end })} 天）
            </>
          )}
        </p>
        <p>发布日期：{text(data.published)}</p>
        {text(data.summary) !== '' && <p>{text(data.summary)}</p>}
        <div>{props.widgetFor(MARKDOWN_FIELD)}</div>
        {attachments.length > 0 && (
          <>
            <h2>附件</h2>
            <ul>
              {attachments.map((a, i) => (
                <li key={i}>{text(a.title) || text(a.file)}</li>
              ))}
            </ul>
          </>
        )}
        {review !== undefined && Object.keys(review).length > 0 && (
          <p>
            村务监督委员会审核：{Array.isArray(review.by) ? review.by.join('、') : ''}（{text(review.date)}）
            {text(review.opinion)}
          </p>
        )}
        <p>
          咨询：{text(contact.name)}
          {text(contact.role) !== '' && `（${text(contact.role)}）`}，电话 {text(contact.phone)}
        </p>
      </article>
    </DemoFrame>
  );
}

export function MeetingPreview(props: PreviewTemplateComponentProps) {
  const data = dataOf(props);
  const attendance = (data.attendance ?? {}) as Data;
  const agenda = (Array.isArray(data.agenda) ? data.agenda : []) as unknown[];
  const decisions = (Array.isArray(data.decisions) ? data.decisions : []) as Data[];
  return (
    <DemoFrame>
      <article>
        <p>{MEETING_BODY_LABELS[data.body as MeetingBody] ?? ''}</p>
        <h1>{text(data.title) || '（未填写会议名称）'}</h1>
        <p>
          {text(data.date)} {text(data.venue)} · 应到 {text(attendance.expected)} 人，实到 {text(attendance.present)} 人
        </p>
        <h2>议题</h2>
        <ol>
          {agenda.map((item, i) => (
            <li key={i}>{text(item)}</li>
          ))}
        </ol>
        {decisions.length > 0 && (
          <>
            <h2>决定事项</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">事项</th>
                    <th scope="col">赞成</th>
                    <th scope="col">反对</th>
                    <th scope="col">弃权</th>
                    <th scope="col">所属事项</th>
                  </tr>
                </thead>
                <tbody>
                  {decisions.map((d, i) => {
                    const votes = (d.votes ?? {}) as Data;
                    return (
                      <tr key={i}>
                        <td>{text(d.title)}</td>
                        <td>{text(votes.for)}</td>
                        <td>{text(votes.against)}</td>
                        <td>{text(votes.abstain)}</td>
                        <td>{text(d.matter)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
        <div>{props.widgetFor(MARKDOWN_FIELD)}</div>
      </article>
    </DemoFrame>
  );
}

/** A rate over 100% cannot be true: say so instead of printing "150.0%". */
function rateText(value: number | null): string {
  return value !== null && value > 1 ? `数字有误（${formatPercent(value)}，不可能超过 100%）` : formatPercent(value);
}

export function StatsPreview(props: PreviewTemplateComponentProps) {
  const data = dataOf(props);
  // The site's own model of the counts: what the half-filled form holds as valid counts, anything else as 0, so
  // the rates show while the form is being filled (the gate's messages above the table name the problems).
  const counts = countsFromDraft(data);
  return (
    <DemoFrame>
      <h1>
        {placeName(data.place)} {monthLabel(data.month)} 治理统计
      </h1>
      <Problems messages={problemsIn('stats', data, '')} />
      <div className="table-scroll">
        <table>
          <caption>由填写的数量自动计算</caption>
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">数值</th>
              <th scope="col">计算方法</th>
            </tr>
          </thead>
          <tbody>
            {RATE_INDICATORS.map((rate) => (
              <tr key={rate.id}>
                <th scope="row">{rate.title}</th>
                <td>{rateText(indicatorValue(rate, counts))}</td>
                <td>{rate.definition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>网格事件</h2>
      <ul>
        {GRID_EVENT_CATEGORIES.map((c) => indicator(`gridEvents.${c}`)).map((ind) => (
          <li key={ind.id}>
            {ind.title}：{indicatorValue(ind, counts)} {ind.unit}
          </li>
        ))}
      </ul>
      {text(data.note) !== '' && <p>数据说明：{text(data.note)}</p>}
    </DemoFrame>
  );
}

/** The lines of one side as the form holds them, amounts not yet filled read as 0 (a half-filled form). */
function ledgerLines(value: unknown): LedgerLine[] {
  return (Array.isArray(value) ? (value as Data[]) : []).map((l) => ({
    date: text(l.date),
    voucher: text(l.voucher),
    summary: text(l.summary),
    category: text(l.category),
    amount: num(l.amount),
  }));
}

/**
 * The month's totals and the closing balance they add up to, against the one entered: the same functions
 * (src/lib/finance/finance.ts, integer 分) the content gate refuses a save with.
 */
export function FinancePreview(props: PreviewTemplateComponentProps) {
  const data = dataOf(props);
  const income = ledgerLines(data.income);
  const expense = ledgerLines(data.expense);
  const closingEntered = typeof data.closingBalance === 'number' && Number.isFinite(data.closingBalance);
  const t = ledgerTotals({
    place: text(data.place),
    month: text(data.month),
    openingBalance: num(data.openingBalance),
    closingBalance: num(data.closingBalance),
    income,
    expense,
  });
  const balanced = closingEntered && t.expectedClosingFen === t.closingFen;
  const side = (title: string, lines: LedgerLine[]) => (
    <>
      <h2>{title}</h2>
      {lines.length === 0 ? (
        <p>本月没有{title.slice(0, 2)}。</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">凭证号</th>
                <th scope="col">摘要</th>
                <th scope="col">科目</th>
                <th scope="col">金额（元）</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.date}</td>
                  <td>{l.voucher}</td>
                  <td>{l.summary}</td>
                  <td>{FINANCE_CATEGORY_LABELS[l.category as FinanceCategory] ?? ''}</td>
                  <td>{formatYuan(l.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
  return (
    <DemoFrame>
      <h1>
        {placeName(data.place)} {monthLabel(data.month)} 财务收支明细
      </h1>
      <div className="table-scroll">
        <table>
          <caption>本月收支（元）</caption>
          <tbody>
            <tr>
              <th scope="row">期初余额</th>
              <td>{formatFen(t.openingFen)}</td>
            </tr>
            <tr>
              <th scope="row">本月收入</th>
              <td>{formatFen(t.incomeFen)}</td>
            </tr>
            <tr>
              <th scope="row">本月支出</th>
              <td>{formatFen(t.expenseFen)}</td>
            </tr>
            <tr>
              <th scope="row">计算的期末余额</th>
              <td>{formatFen(t.expectedClosingFen)}</td>
            </tr>
            <tr>
              <th scope="row">填写的期末余额</th>
              <td>{closingEntered ? formatFen(t.closingFen) : '（未填写）'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {balanced ? (
        <p>
          <strong>收支对平：期初 + 收入 − 支出 = 期末余额 {formatFen(t.closingFen)} 元。</strong>
        </p>
      ) : (
        <div role="alert" style={{ border: '2px solid #b00020', padding: '0.25rem 1rem', background: '#fff4f4' }}>
          <p>
            <strong>
              {closingEntered
                ? `期初 + 收入 − 支出 = ${formatFen(t.expectedClosingFen)} 元，与填写的期末余额 ${formatFen(t.closingFen)} 元不一致`
                : `期初 + 收入 − 支出 = ${formatFen(t.expectedClosingFen)} 元，期末余额还没有填写`}
            </strong>
          </p>
          <p>逐笔核对收支金额；如明细无误，期末余额应填 {formatFen(t.expectedClosingFen)}。保存时不对平会被拒绝。</p>
        </div>
      )}
      {side('收入明细', income)}
      {side('支出明细', expense)}
      {text(data.note) !== '' && <p>说明：{text(data.note)}</p>}
    </DemoFrame>
  );
}

export function LegalPreview(props: PreviewTemplateComponentProps) {
  const data = dataOf(props);
  return (
    <DemoFrame>
      <article>
        <p>
          {LEGAL_TYPE_LABELS[data.type as LegalType] ?? ''} · {LEGAL_TOPIC_LABELS[data.topic as LegalTopic] ?? ''}
        </p>
        <h1>{text(data.title) || '（未填写标题）'}</h1>
        {text(data.question) !== '' && (
          <blockquote>
            <p>群众提问：{text(data.question)}</p>
          </blockquote>
        )}
        <div>{props.widgetFor(MARKDOWN_FIELD)}</div>
      </article>
    </DemoFrame>
  );
}
