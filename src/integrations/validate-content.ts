/**
 * Astro integration: validate all content before Astro reads it. Invalid content stops the build at config
 * time, before anything is written to the output folder, and prints every error with file, field and fix.
 */
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-files.ts';
import { buildToday } from '../lib/dates.ts';
import { formatError } from '../lib/friendly-errors.ts';
import { validateContentDir } from '../lib/validate-content.ts';

export default function validateContent(): AstroIntegration {
  return {
    name: 'gongkailan:validate-content',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const today = buildToday(process.env.BUILD_DATE);
        const { errors } = await validateContentDir(contentDir(), today);
        if (errors.length === 0) {
          logger.info(`content valid (today in Asia/Shanghai: ${today})`);
          return;
        }
        for (const error of errors) logger.error(formatError(error));
        throw new Error(`内容检查未通过：${errors.length} 处问题，网站未生成。运行 npm run validate 查看详情。`);
      },
    },
  };
}
