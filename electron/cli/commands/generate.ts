// `kling generate`: validate the flags as the app validates its composer, then either print the exact body
// (--dry-run, no network) or record the generation in the library (origin: cli) and follow it to a saved clip.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hasErrors, type Problem } from '../../../shared/kling/problems';
import { buildCreateBody, describeBody } from '../../../shared/kling/request';
import { validateRequest } from '../../../shared/kling/validate';
import { isFinished } from '../../../shared/library/generation';
import { libraryRoot, readRemote, withProvider } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';
import { prepareGeneration } from '../generate-input';
import { line, type CliIo } from '../io';
import { COMMON_HELP, COMMON_OPTIONS, CONNECTION_HELP, CONNECTION_OPTIONS, parseFlags, parseTimeout, WAIT_OPTIONS } from '../options';
import { reportOutcome, RESUME_HINT } from '../outcome';
import { providerRef } from '../../tasks/provider';
import { openSession } from '../session';

export const GENERATE_USAGE = `Usage: npm run kling -- generate --image start.jpg [options]

Make a video from a start frame, save it in the library (the app's gallery shows it) and print where the clip is.

Request:
  --image FILE              start frame (jpg/png, at least 300 px a side, aspect between 1:2.5 and 2.5:1)
  --image-tail FILE         end frame
  --prompt TEXT             at most 2500 characters
  --negative-prompt TEXT
  --model NAME              default kling-v1 (kling-v1-5, kling-v1-6, kling-v2-1, kling-v2-5-turbo, kling-v2-6, …)
  --mode std|pro            default std
  --duration 5|10           default 5
  --cfg 0.5                 CFG scale in [0, 1] (left out for kling-v2.x, which refuse it)
  --static-mask FILE        motion brush: what must stay still (PNG at the start frame's size, white = painted)
  --dynamic-mask FILE --trajectory '[[x,y],…]'
                            motion brush: what moves and where to (repeat the pair, up to 6). Points are image
                            pixels as a painter sees them: origin top-left, y down; Kling's bottom-left form is
                            computed for you
  --camera simple:zoom=5    camera move: simple with exactly one of horizontal, vertical, pan, tilt, roll, zoom
                            in [-10, 10]; or down_back, forward_up, right_turn_forward, left_turn_forward
  --voice ID                voice id for kling-v2-6 pro (repeat, up to 2; needs --sound on)
  --sound on|off            kling-v2-6 and later
Run:
  --dry-run                 print the exact JSON body and exit (0), or every problem as "field: message" (2);
                            nothing is sent and nothing is recorded. Images show as <base64: N bytes>
  --full                    with --dry-run: print images in full
  --no-wait                 exit as soon as Kling accepts the task, printing the generation's id;
                            \`${RESUME_HINT}\` finishes it later
  --timeout SECONDS         stop following after this long (exit 5; the generation stays for resume)
${CONNECTION_HELP}
${COMMON_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...CONNECTION_OPTIONS,
  ...WAIT_OPTIONS,
  image: { type: 'string' },
  'image-tail': { type: 'string' },
  prompt: { type: 'string' },
  'negative-prompt': { type: 'string' },
  model: { type: 'string' },
  mode: { type: 'string' },
  duration: { type: 'string' },
  cfg: { type: 'string' },
  'static-mask': { type: 'string' },
  'dynamic-mask': { type: 'string', multiple: true },
  trajectory: { type: 'string', multiple: true },
  camera: { type: 'string' },
  voice: { type: 'string', multiple: true },
  sound: { type: 'string' },
  'dry-run': { type: 'boolean' },
  full: { type: 'boolean' },
  'no-wait': { type: 'boolean' },
} as const;

/** Problems from reading the flags come first; validation's word on a field already reported adds nothing. */
function mergeProblems(fromFlags: Problem[], fromRules: Problem[]): Problem[] {
  const reported = new Set(fromFlags.map((p) => p.field));
  return [...fromFlags, ...fromRules.filter((p) => !reported.has(p.field))];
}

export async function generateCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseFlags(argv, OPTIONS);
  if (values.help) {
    line(io.stdout, GENERATE_USAGE);
    return EXIT.ok;
  }
  const remote = readRemote(values, io.env);
  const timeoutMs = parseTimeout(values.timeout);
  const root = libraryRoot(values.library, io);
  const json = values.json ?? false;

  const prepared = await prepareGeneration(values);
  // The library assigns the real external_task_id when it records the generation; a dry run shows one of that form.
  const request = { ...prepared.request, externalTaskId: `ks-${randomUUID()}` };
  const problems = mergeProblems(prepared.problems, validateRequest(request));
  for (const p of problems.filter((p) => p.severity === 'warning')) line(io.stderr, `warning: ${p.field}: ${p.message}`);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    for (const p of errors) line(io.stderr, `${p.field}: ${p.message}`);
    if (json) line(io.stdout, JSON.stringify({ problems: errors }, null, 2));
    return EXIT.usage;
  }

  if (values['dry-run']) {
    const body = buildCreateBody(request, remote.connection.wire);
    line(io.stdout, JSON.stringify(values.full ? body : describeBody(body), null, 2));
    return EXIT.ok;
  }

  return withProvider(remote, io, timeoutMs === undefined ? {} : { timeoutMs }, async ({ provider }, lifetime) => {
    if (provider.kind === 'sandbox' && values['no-wait']) {
      line(io.stderr, 'warning: the built-in sandbox stops when this command exits, so this task cannot be resumed later.');
    }
    const session = openSession({ libraryRoot: root, provider, lifetime, stderr: io.stderr });
    const created = await session.library.create({
      provider: providerRef(session.provider),
      settings: prepared.settings,
      files: prepared.files,
      inputs: prepared.inputs,
      origin: 'cli',
    });
    const target = provider.kind === 'sandbox' ? 'the built-in sandbox (offline; it returns a sample clip)' : provider.baseUrl;
    line(io.stderr, `${created.id}: recorded in ${join(root, created.folder)}; sending to ${target}`);
    if (values['no-wait']) {
      session.watch((r) => {
        if (r.id === created.id && (r.taskId !== undefined || isFinished(r.status))) lifetime.end('detached');
      });
    }
    session.engine.start(created.id);
    await session.settle();
    const record = (await session.library.get(created.id)) ?? created;
    if (json) line(io.stdout, JSON.stringify(record, null, 2));
    if (values['no-wait'] && record.taskId !== undefined && !isFinished(record.status)) {
      line(io.stderr, `${record.id}: accepted as task ${record.taskId}; \`${RESUME_HINT}\` downloads the clip when it is ready.`);
      if (!json) line(io.stdout, record.id);
      return EXIT.ok;
    }
    return reportOutcome(io, root, record, lifetime.endedBy(), json);
  });
}
