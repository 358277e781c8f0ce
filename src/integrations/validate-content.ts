/**
 * Astro integration: validate all content before Astro reads it. Invalid content stops the build at config
 * time, before anything is written to the output folder, and prints every error with file, field and fix.
 * The failing run's report (with the number of content problems) goes beside the output folder.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildClock } from '../lib/build/build-clock.ts';
import { buildReport, reportFileFor } from '../lib/build/build-report.ts';
import { contentDir } from '../lib/content/content-files.ts';
import { formatError } from '../lib/content/friendly-errors.ts';
import { validateContentDir } from '../lib/content/validate-content.ts';

export default function validateContent(): AstroIntegration {
  return {
    name: 'gongkailan:validate-content',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const { today, builtAt, buildDate } = buildClock();
        const { errors, warnings } = await validateContentDir(contentDir(), today);
        for (const warning of warnings) logger.warn(`提醒：${formatError(warning)}`);
        if (errors.length === 0) {
          logger.info(`content valid (today in Asia/Shanghai: ${today})`);
          return;
        }
        const lines = errors.map(formatError);
        for (const line of lines) logger.error(line);
        const report = buildReport({
          builtAt,
          today,
          ...(buildDate === undefined ? {} : { buildDate }),
          failedStep: 'validate',
          problems: { content: errors.length },
          errors: lines,
        });
        const file = process.env.GONGKAILAN_REPORT_FILE ?? reportFileFor(fileURLToPath(config.outDir));
        writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
        throw new Error(`内容检查未通过：${errors.length} 处问题，网站未生成。运行 npm run validate 查看详情。`);
      },
    },
  };
}
