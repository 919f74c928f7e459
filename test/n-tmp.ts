import { imrt } from '@criteria/policy-imrt';
import { buildNotice, renderNoticeMarkdown } from '@criteria/notice';
for (const id of process.argv.slice(2)) console.log(renderNoticeMarkdown(buildNotice(imrt, id)));
