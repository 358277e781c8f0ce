/**
 * Portal identity: who publishes, where residents can ask and complain. One file: `content/site.json`.
 */
import { z } from 'astro/zod';
import { contact, field, publicPhone, slug } from './common.ts';
import { DEMAND_CATEGORIES, DEMAND_CATEGORY_LABELS } from './stats.ts';

export const siteSchema = z.strictObject({
  /** Portal name shown in the header, e.g. 云溪街道村务公开栏. */
  name: field(z.string().min(2).max(40), { title: '网站名称' }),
  /** Short description for search engines and the home page. */
  description: field(z.string().min(10).max(200), { title: '网站简介', widget: 'text' }),
  /** Id of the top place (the 乡镇/街道) in `content/places/`. */
  rootPlace: field(slug, { title: '本级街道/乡镇', description: '对应“地点”中最上级的编号' }),
  /** Province / city / county, for context, e.g. 某省某市某区. */
  region: field(z.string().max(40), { title: '所属地区' }),
  /** Public URL of the deployed site, used for canonical links, feeds and QR codes. */
  siteUrl: field(z.url({ message: '应为完整网址，如 https://gongkai.example.gov.cn' }), { title: '网站地址' }),
  /** True for the bundled demo: every page then carries a 示例数据 banner. */
  demo: field(z.boolean().default(false), { title: '示例数据', description: '勾选后每页显示“示例数据”提示' }),
  /** Office that runs the portal and answers questions about it. */
  office: z.strictObject({
    name: field(z.string().min(2).max(40), { title: '主办单位', description: '如 云溪街道党政办公室' }),
    address: field(z.string().max(100), { title: '地址' }),
    phone: field(publicPhone, { title: '电话', publicContact: true }),
    hours: field(z.string().max(60).optional(), {
      title: '办公时间',
      description: '如 工作日 8:30–12:00，14:00–17:30',
    }),
  }),
  /** Where residents turn when something is not published or is wrong (村民委员会组织法 第三十一条). */
  feedback: z.strictObject({
    /** Township government body that receives complaints. */
    authority: field(z.string().min(2).max(60), { title: '受理机关', description: '如 云溪街道办事处' }),
    phone: field(publicPhone, { title: '反映电话', publicContact: true }),
    address: field(z.string().max(100).optional(), { title: '来访地址' }),
    email: field(z.email({ message: '邮箱格式不对' }).optional(), { title: '电子邮箱' }),
    /** Extra text for residents, e.g. office hours or the 12345 hotline. */
    note: field(z.string().max(300).optional(), { title: '说明', widget: 'text' }),
  }),
  /** Day of the next month by which villages/communities file a month's statistics (default 10: the 10th). */
  statsDueDay: field(z.number().int().min(1).max(28).optional(), {
    title: '统计报送截止日',
    description: '每月统计数据应在次月几日前报送，不填为 10 日；逾期未报送的村社区会标出',
    unit: '日',
  }),
  /** Service standards (服务标准): the time limit for each kind of demand, shown on /stats/standards/. */
  serviceStandards: field(
    z
      .array(
        z.strictObject({
          category: field(z.enum(DEMAND_CATEGORIES), { title: '诉求类别', optionLabels: DEMAND_CATEGORY_LABELS }),
          /** Working days allowed; 0 = the same day. */
          days: field(z.number().int().min(0).max(60), {
            title: '办结时限',
            unit: '个工作日',
            description: '0 表示当天办结',
          }),
          /** What the limit means in practice, e.g. 2 小时内响应，当天办结. */
          note: field(z.string().max(60).optional(), { title: '说明' }),
        }),
      )
      .optional(),
    { title: '服务标准（办结时限）', description: '每类诉求的办结时限，超过时限办结的计为“超时”' },
  ),
  /** Extra contacts listed in the footer (综治中心, 司法所…). */
  contacts: field(z.array(contact).default([]), { title: '其他联系方式' }),
  /** Days after a matter's decision within which its 决议公开 notice is due; later ones are reported as late. */
  decisionNoticeDays: field(z.number().int().min(1).max(60).default(5), {
    title: '决议公开期限',
    unit: '天',
    description: '事项决议作出后几天内应发布决议公开公告，超过即提示“公开晚了”',
  }),
});

export type Site = z.infer<typeof siteSchema>;
