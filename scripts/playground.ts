// npm run playground -- [--url http://localhost:3978] [--persona learningLeader] [--port 56150]
// Opens the Microsoft 365 Agents Playground against a LearnFit server running in demo mode (`npm start`),
// signed in as one of the demo's people, in the demo tenant and its sample team, so the bot answers as it
// would in Teams. The Playground has no message-extension UI; those commands are covered by the tests.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const personaKeys = ['learner', 'manager', 'learningLeader', 'admin'] as const;

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3978' },
    persona: { type: 'string', default: 'learningLeader' },
    port: { type: 'string', default: '56150' },
  },
  strict: true,
});

const personasSchema = z.object({
  tenantId: z.string(),
  personas: z.array(
    z.object({
      key: z.enum(personaKeys),
      userId: z.string(),
      displayName: z.string(),
      userPrincipalName: z.string(),
    }),
  ),
  team: z
    .object({
      teamId: z.string(),
      groupId: z.string(),
      channelId: z.string(),
      teamName: z.string(),
      channelName: z.string(),
    })
    .nullable(),
});

function fail(message: string): never {
  process.stderr.write(`playground: ${message}\n`);
  process.exit(2);
}

const base = (values.url ?? '').replace(/\/$/, '');
const persona = z.enum(personaKeys).safeParse(values.persona);
if (!persona.success) fail(`--persona must be one of ${personaKeys.join(', ')}`);

let answer: Response;
try {
  answer = await fetch(`${base}/dev/personas`);
} catch {
  fail(`no LearnFit server answers at ${base}; start one with \`npm start\` first`);
}
if (answer.status === 404) fail(`${base} is not in demo mode; the Playground needs the demo's people`);
const demo = personasSchema.safeParse(await answer.json());
if (!demo.success) fail(`${base}/dev/personas did not answer as expected`);

const me = demo.data.personas.find((candidate) => candidate.key === persona.data);
if (!me) fail(`the demo has no ${persona.data}`);
// The Playground wants at least five other people; guests outside the demo tenant fill the list up.
const guests = [1, 2].map((n) => ({
  userId: `00000000-0000-4000-8000-00000000000${n}`,
  displayName: `Guest ${n}`,
  userPrincipalName: `guest${n}@example.com`,
}));
const others = [...demo.data.personas.filter((candidate) => candidate !== me), ...guests];

// YAML written by hand: every value is quoted JSON, which YAML reads as a string.
const q = (value: string) => JSON.stringify(value);
const user = (who: { userId: string; displayName: string; userPrincipalName: string }, indent: string) =>
  [
    `id: ${q(`29:${who.userId}`)}`,
    `name: ${q(who.displayName)}`,
    `userPrincipleName: ${q(who.userPrincipalName)}`,
    `aadObjectId: ${q(who.userId)}`,
    `givenName: ${q(who.displayName.split(' ')[0] ?? who.displayName)}`,
    `surname: ${q(who.displayName.split(' ').slice(1).join(' '))}`,
    `email: ${q(who.userPrincipalName)}`,
  ].join(`\n${indent}`);
const team = demo.data.team;
const config = [
  'version: "0.1.1"',
  `tenantId: ${q(demo.data.tenantId)}`,
  'bot:',
  `  id: ${q('28:learnfit-demo-bot')}`,
  '  name: LearnFit',
  'currentUser:',
  `  ${user(me, '  ')}`,
  'users:',
  ...others.map((other) => `  - ${user(other, '    ')}`),
  'personalChat:',
  '  id: learnfit-personal-chat',
  'groupChat:',
  '  id: learnfit-group-chat',
  '  name: LearnFit demo group chat',
  'team:',
  `  id: ${q(team?.teamId ?? 'learnfit-team')}`,
  `  name: ${q(team?.teamName ?? 'LearnFit demo team')}`,
  `  aadGroupId: ${q(team?.groupId ?? demo.data.tenantId)}`,
  '  channels:',
  `    - id: ${q(team?.channelId ?? 'learnfit-channel')}`,
  `      name: ${q(`${team?.channelName ?? 'General'} (demo channel)`)}`,
  '',
].join('\n');

// The Playground reads `.m365agentsplayground.yml` from its working folder.
const folder = path.join(tmpdir(), 'learnfit-playground');
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, '.m365agentsplayground.yml'), config);

const require = createRequire(import.meta.url);
const cli = path.join(
  path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);
process.stdout.write(
  `Agents Playground as ${me.displayName} (${persona.data}) → ${base}/api/messages; ` +
    `open http://localhost:${values.port ?? '56150'}\n`,
);
const child = spawn(
  process.execPath,
  [cli, '-e', `${base}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', values.port ?? '56150'],
  { cwd: folder, stdio: 'inherit' },
);
child.on('exit', (code) => {
  if (code) process.stderr.write(`playground: it stopped; its log is ${path.join(folder, 'devTools')}\n`);
  process.exit(code ?? 0);
});
