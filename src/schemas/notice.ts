/**
 * 村务公开 notice: one Markdown file per notice in `content/notices/<YYYY-MM-DD>-<slug>.md`.
 * The body is the notice text; everything below is front matter.
 */
import { z } from 'astro/zod';
import { changeNotes, contact, field, isoDate, isoMonth, movedFrom, personName, slug } from './common.ts';

export const NOTICE_CATEGORIES = ['party', 'village', 'finance', 'other'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  other: '其他公开',
};

/** Categories the 村务监督委员会 must sign off before publishing (村民委员会组织法 第三十二条). */
const REVIEW_REQUIRED: readonly NoticeCategory[] = ['village', 'finance'];

export const attachment = z.strictObject({
  title: field(z.string().min(2).max(80), { title: '附件名称', description: '如 2025年3月财务收支明细表' }),
  /** Path under the media folder, e.g. /uploads/2025-03-finance.pdf; never `..` (it would climb out of uploads/). */
  file: field(
    z.string().regex(/^\/uploads\/(?!.*\.\.)(?!.*\/\.?\/)[A-Za-z0-9._/-]+\.(pdf|xlsx?|docx?|jpe?g|png|csv|ods|odt)$/i, {
      message:
        '附件路径不对：应以 /uploads/ 开头，文件名只用英文字母、数字、连字符，不能含“..”，扩展名为 pdf/xls/xlsx/doc/docx/jpg/png/csv',
    }),
    { title: '附件文件', widget: 'file', fix: '在后台重新上传附件，文件名改用英文或拼音' },
  ),
});

export const review = z.strictObject({
  /** Members of the 村务监督委员会 who reviewed the notice. */
  by: field(z.array(personName).min(1, { message: '至少填写一名审核人' }), { title: '审核人（村务监督委员会）' }),
  /** Day of the review. */
  date: field(isoDate, { title: '审核日期' }),
  /** Review opinion, e.g. 经审核，内容真实准确，同意公开。 */
  opinion: field(z.string().max(200).optional(), { title: '审核意见' }),
});

/**
 * 撤回: the notice stays online (the record does not silently disappear) with a 已撤回 banner and the reason, and
 * leaves 正在公示, the home page and the feeds' current items. `supersededBy` names the notice that replaces it.
 */
export const withdrawal = z.strictObject({
  date: field(isoDate, { title: '撤回日期' }),
  reason: field(z.string().min(4, { message: '撤回原因至少 4 个字' }).max(200, { message: '撤回原因不超过 200 字' }), {
    title: '撤回原因',
    widget: 'text',
    description: '如：公示名单有误，已重新公示',
  }),
  supersededBy: field(slug.optional(), {
    title: '替代公告',
    description: '重新发布的公告的编号（文件名，不含 .md）',
  }),
});

/**
 * 征求意见: the deadline for residents' opinions and, once it has passed, what was received, adopted and not
 * adopted (with the reason for each), so a consultation notice closes its own loop.
 */
export const consultation = z.strictObject({
  deadline: field(isoDate, { title: '意见截止日期' }),
  /** Number of opinions received (letters, messages, the suggestion box, meetings). */
  received: field(z.number().int({ message: '应为整数' }).min(0, { message: '不能为负数' }).optional(), {
    title: '收到意见',
    unit: '条',
    description: '截止后填写',
  }),
  adopted: field(z.array(z.string().min(2).max(200)).default([]), {
    title: '采纳的意见',
    description: '每条一行，写明意见和怎么改的',
  }),
  notAdopted: field(
    z
      .array(
        z.strictObject({
          item: field(z.string().min(2).max(200), { title: '意见' }),
          reason: field(z.string().min(2).max(200), { title: '未采纳理由' }),
        }),
      )
      .default([]),
    { title: '未采纳的意见' },
  ),
});

export const noticeSchema = z
  .strictObject({
    title: field(z.string().min(4, { message: '标题至少 4 个字' }).max(60, { message: '标题不超过 60 个字' }), {
      title: '标题',
    }),
    category: field(z.enum(NOTICE_CATEGORIES), { title: '公开类别', optionLabels: NOTICE_CATEGORY_LABELS }),
    /** Id of the village/community (or the 街道) that publishes the notice. */
    place: field(slug, { title: '发布单位', description: '村/社区的编号（见“地点”）' }),
    /** Publish day. A day after the build date means scheduled: the notice is not on the site until then. */
    published: field(isoDate, { title: '发布日期', description: '晚于今天则定时发布，到期自动上网' }),
    /**
     * Month a finance notice discloses (财务公开 only). The disclosure cadence checks that every month is covered
     * (src/lib/record/disclosure-cadence.ts); without it the notice counts for the month before it was published.
     */
    covers: field(isoMonth.optional(), {
      title: '公开月份',
      description: '财务公开填写本次公开的是哪个月的收支，如 2026-10',
    }),
    /** 公示期: first and last day the notice is posted. */
    period: field(
      z.strictObject({
        start: field(isoDate, { title: '公示开始日期' }),
        end: field(isoDate, { title: '公示结束日期', description: '公示期一般为 5–7 天，重大事项按要求' }),
      }),
      { title: '公示期' },
    ),
    /** One-sentence summary for lists, feeds and search results. */
    summary: field(z.string().max(200, { message: '摘要不超过 200 字' }).optional(), { title: '摘要', widget: 'text' }),
    attachments: field(z.array(attachment).default([]), { title: '附件' }),
    /** Who answers residents' questions about this notice. */
    contact: field(contact, { title: '咨询联系人' }),
    /** 村务监督委员会 sign-off. Required for 村务 and 财务 notices. */
    review: field(review.optional(), { title: '监督委员会审核' }),
    /** Extra search words (synonyms, old names) that are not in the text. */
    keywords: field(z.array(z.string().min(1).max(20)).default([]), {
      title: '关键词',
      description: '方便搜索的同义词，如 低保、最低生活保障',
    }),
    /** 文号 of a formal document, e.g. 云溪街〔2026〕12号 (the 索引号 is generated from the id). */
    docNumber: field(z.string().min(2).max(40).optional(), {
      title: '文号',
      description: '正式文件的文号，如 云溪街〔2026〕12号；没有可不填',
    }),
    changes: changeNotes,
    withdrawn: field(withdrawal.optional(), { title: '撤回', description: '撤回后页面保留并显示撤回原因' }),
    movedFrom,
    /** 征求意见 notices: the deadline, then the outcome. */
    consultation: field(consultation.optional(), { title: '征求意见', description: '征求意见的公告才填写' }),
    /** Draft notices are never built. */
    draft: field(z.boolean().default(false), { title: '草稿', description: '勾选后不会发布到网站' }),
  })
  .superRefine((notice, ctx) => {
    notice.changes.forEach((change, i) => {
      if (change.date < notice.published) {
        ctx.addIssue({
          code: 'custom',
          path: ['changes', i, 'date'],
          message: `修改日期 ${change.date} 早于发布日期 ${notice.published}`,
          params: { fix: '修改记录只记发布以后的改动：改为实际修改的日期' },
        });
      }
    });
    if (notice.withdrawn !== undefined && notice.withdrawn.date < notice.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawn', 'date'],
        message: `撤回日期 ${notice.withdrawn.date} 早于发布日期 ${notice.published}`,
        params: { fix: '改为实际撤回的日期（不早于发布日期）' },
      });
    }
    if (notice.covers !== undefined && notice.category !== 'finance') {
      ctx.addIssue({
        code: 'custom',
        path: ['covers'],
        message: `只有财务公开填写公开月份（本公告是${NOTICE_CATEGORY_LABELS[notice.category]}）`,
        params: { fix: '删除“公开月份”，或把公开类别改为财务公开' },
      });
    }
    if (notice.covers !== undefined && notice.covers > notice.published.slice(0, 7)) {
      ctx.addIssue({
        code: 'custom',
        path: ['covers'],
        message: `公开月份 ${notice.covers} 晚于发布日期 ${notice.published}`,
        params: { fix: '财务收支在月份开始后才能公开：核对公开月份的年份和月份' },
      });
    }
    const c = notice.consultation;
    if (c !== undefined) {
      const listed = c.adopted.length + c.notAdopted.length;
      if (listed > 0 && c.received === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['consultation', 'received'],
          message: `列出了 ${listed} 条采纳或未采纳的意见，但没有填写收到意见的条数`,
          params: { fix: '在“收到意见”中填写截止前共收到多少条意见' },
        });
      } else if (c.received !== undefined && listed > c.received) {
        ctx.addIssue({
          code: 'custom',
          path: ['consultation', 'received'],
          message: `采纳 ${c.adopted.length} 条、未采纳 ${c.notAdopted.length} 条，多于收到的 ${c.received} 条`,
          params: { fix: '核对收到意见的条数；相同的意见合并成一条列出' },
        });
      }
      if (c.deadline < notice.published) {
        ctx.addIssue({
          code: 'custom',
          path: ['consultation', 'deadline'],
          message: `意见截止日期 ${c.deadline} 早于发布日期 ${notice.published}`,
          params: { fix: '意见截止日期应在发布日期之后，一般留出 7 天以上' },
        });
      }
    }
    if (notice.period.end <= notice.period.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'end'],
        message: `公示结束日期 ${notice.period.end} 不晚于开始日期 ${notice.period.start}`,
        params: { fix: '把结束日期改到开始日期之后（公示期一般 5–7 天）' },
      });
    }
    if (notice.period.start < notice.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'start'],
        message: `公示开始日期 ${notice.period.start} 早于发布日期 ${notice.published}`,
        params: { fix: '公示期从发布当天或之后开始：改开始日期，或把发布日期提前' },
      });
    }
    if (REVIEW_REQUIRED.includes(notice.category) && notice.review === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['review'],
        message: `${NOTICE_CATEGORY_LABELS[notice.category]}须经村务监督委员会审核后公开`,
        params: { fix: '填写审核人和审核日期（村民委员会组织法第三十二条）' },
      });
    }
    if (notice.review !== undefined && notice.review.date > notice.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['review', 'date'],
        message: `审核日期 ${notice.review.date} 晚于发布日期 ${notice.published}`,
        params: { fix: '先审核后发布：审核日期应不晚于发布日期' },
      });
    }
  });

export type Notice = z.infer<typeof noticeSchema>;
