// Writes a deterministic synthetic handbook that follows
// /work/shared/spec/content-format.md and validates with no errors and no
// warnings. Used by the benchmark; the sizes below are tuned so that
// N = 10 000 objectives gives about 29 000 files and about 22 MB (objective
// files alone are ~14 MB: 4 key results with initiatives each). Most key
// results are metrics; in one objective in five the last one has levels
// (ordinal), in another one in five it is a milestone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const OBJECTIVES_PER_TEAM = 12;
const KRS_PER_OBJECTIVE = 4;
// Round-robin ownership over this many people keeps everyone at or below
// 3 key results per cycle (the `owner-load` default).
const PEOPLE_PER_TEAM = Math.ceil((OBJECTIVES_PER_TEAM * KRS_PER_OBJECTIVE) / 3);
const TEAMS_PER_DEPARTMENT = 10;
const CHECKIN_WEEKS = 4; // must stay <= 12 so asOf falls inside the quarter

type Kind = 'metric' | 'ordinal' | 'milestone';

/** The kind of key result `k` of objective `i`: the last key result of some objectives is ordinal or a milestone. */
function kindOf(i: number, k: number): Kind {
  if (k !== KRS_PER_OBJECTIVE - 1) return 'metric';
  return i % 5 === 0 ? 'ordinal' : i % 5 === 1 ? 'milestone' : 'metric';
}

const LEVELS = ['fail', 'commit', 'commit', 'target'] as const;

interface Cycle {
  id: string;
  title: string;
  start: string;
  end: string;
  status: 'closed' | 'active';
}

const CYCLES: Cycle[] = [
  { id: '2026-q1', title: '2026 Q1', start: '2026-01-01', end: '2026-03-31', status: 'closed' },
  { id: '2026-q2', title: '2026 Q2', start: '2026-04-01', end: '2026-06-30', status: 'closed' },
  { id: '2026-q3', title: '2026 Q3', start: '2026-07-01', end: '2026-09-30', status: 'active' },
];

const FIRST = ['ada', 'ben', 'chen', 'dana', 'emil', 'fatima', 'goran', 'hana', 'ivan', 'jun', 'kofi', 'lea', 'mia', 'noor', 'omar', 'priya', 'quinn', 'rosa', 'sam', 'tariq'];
const LAST = ['okafor', 'shah', 'wong', 'garcia', 'novak', 'sato', 'mensah', 'berg', 'silva', 'kowalski', 'haddad', 'nguyen', 'moreau', 'rossi', 'khan', 'ivanova'];
const TOPICS = ['activation', 'retention', 'latency', 'onboarding', 'billing', 'search', 'reliability', 'support', 'pricing', 'security'];
const SENTENCES = [
  'This matters because customers feel it every week and it shapes how they talk about us.',
  'We will know we are on track when the weekly numbers move without heroics from anyone.',
  'The owner has agreed to the scope and will raise trade-offs with the sponsor early.',
  'Progress is reviewed at the weekly check-in and the notes stay in the review history.',
  'Anything outside this scope goes to the backlog and is discussed at the next planning.',
];

/** Adds `days` to a `YYYY-MM-DD` calendar date (UTC arithmetic, no time zone). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pad(n: number, width = 5): string {
  return String(n).padStart(width, '0');
}

/** A one-paragraph Markdown body, varied by `seed`. */
function body(heading: string, seed: number): string {
  return `\n${heading}. ${SENTENCES[seed % SENTENCES.length]}\n`;
}

function personId(index: number): string {
  const first = FIRST[index % FIRST.length];
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length];
  return `${first}-${last}-${index}`;
}

function personName(index: number): string {
  const cap = (s: string | undefined) => (s ?? '').charAt(0).toUpperCase() + (s ?? '').slice(1);
  return `${cap(FIRST[index % FIRST.length])} ${cap(LAST[Math.floor(index / FIRST.length) % LAST.length])}`;
}

const teamId = (t: number) => `team-${pad(t, 4)}`;
const objectiveId = (i: number) => `obj-${pad(i)}`;
const krId = (i: number, k: number) => `obj-${pad(i)}-kr${k + 1}`;

export async function generateSyntheticHandbook(
  dir: string,
  objectives: number,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  // Sync writes: tens of thousands of small files go fastest without the
  // promise overhead, and the benchmark does nothing else meanwhile.
  const write = (rel: string, text: string) => {
    const path = join(dir, rel);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, text);
    files += 1;
    bytes += Buffer.byteLength(text);
  };

  const active = CYCLES[2]!;
  const firstCheckin = addDays(active.start, 2);
  const lastCheckin = addDays(firstCheckin, 7 * (CHECKIN_WEEKS - 1));
  const asOf = addDays(lastCheckin, 4);

  write(
    'handbook.yaml',
    `title: Synthetic OKR Handbook\norganization: Synthetic Corp\nasOf: ${asOf}\nconfidence: { min: 0, max: 1 }\n`,
  );

  for (const c of CYCLES) {
    write(
      `cycles/${c.id}.md`,
      `---\ntitle: ${c.title}\nstart: ${c.start}\nend: ${c.end}\nstatus: ${c.status}\n---\n${body(c.title, 0)}`,
    );
  }

  const teams = Math.ceil(objectives / OBJECTIVES_PER_TEAM);
  for (let t = 0; t < teams; t++) {
    writeTeam(t);
  }
  return { files, bytes };

  function writeTeam(t: number): void {
    const people = Array.from({ length: PEOPLE_PER_TEAM }, (_, j) => personId(t * PEOPLE_PER_TEAM + j));
    const lead = people[0]!;
    const department = t - (t % TEAMS_PER_DEPARTMENT);
    const parentTeam = department === t ? '' : `parent: ${teamId(department)}\n`;
    const departmentLead = personId(department * PEOPLE_PER_TEAM);

    write(
      `teams/${teamId(t)}.md`,
      `---\nname: Team ${pad(t, 4)}\nlead: ${lead}\n${parentTeam}---\n${body(`Team ${t}`, t)}`,
    );
    people.forEach((id, j) => {
      const index = t * PEOPLE_PER_TEAM + j;
      const manager = j > 0 ? lead : department === t ? '' : departmentLead;
      write(
        `people/${id}.md`,
        `---\nname: ${personName(index)}\nrole: ${j === 0 ? 'Team lead' : 'Engineer'}\nteam: ${teamId(t)}\n` +
          (manager ? `manager: ${manager}\n` : '') +
          `email: ${id}@example.com\n---\n${body(personName(index), index)}`,
      );
    });

    // Key-result ids of this team, per cycle, for the reviews below.
    const krsByCycle: string[][] = CYCLES.map(() => []);
    const kinds = new Map<string, Kind>();
    const umbrella: (string | undefined)[] = CYCLES.map(() => undefined);
    const first = t * OBJECTIVES_PER_TEAM;
    const last = Math.min(objectives, first + OBJECTIVES_PER_TEAM);
    for (let i = first; i < last; i++) {
      const c = i % CYCLES.length;
      const cycle = CYCLES[c]!;
      const krs = krsByCycle[c]!;
      const accepted = addDays(cycle.start, -5);
      const topic = TOPICS[i % TOPICS.length]!;
      // The team's first objective in a cycle is the one the others align to.
      const parent = umbrella[c];
      umbrella[c] ??= objectiveId(i);
      let text =
        `---\ntitle: Improve ${topic} for segment ${i}\ncycle: ${cycle.id}\nteam: ${teamId(t)}\n` +
        `owner: ${people[krs.length % PEOPLE_PER_TEAM]}\naccepted: ${accepted}\n` +
        (parent ? `parent: ${parent}\n` : `sponsor: ${lead}\n`) +
        (parent && i % 4 === 0 ? `dependsOn: [${krsByCycle[c]![0]}]\n` : '') +
        'keyResults:\n';
      for (let k = 0; k < KRS_PER_OBJECTIVE; k++) {
        const n = krs.length; // this KR's position in the team's cycle: drives round-robin owners
        const baseline = 10 + ((i + k) % 40);
        const target = baseline + 10 + ((i * 3 + k) % 25);
        const unit = ['"%"', 'ms', 'users'][k % 3];
        const kind = kindOf(i, k);
        kinds.set(krId(i, k), kind);
        const measure =
          kind === 'ordinal'
            ? `    levels:\n      commit: The ${topic} plan agreed\n      target: The ${topic} change live for half the segment\n      stretch: The ${topic} change live everywhere\n`
            : kind === 'milestone'
              ? '    milestone: true\n'
              : `    metric: { baseline: ${baseline}, target: ${target}, unit: ${unit} }\n`;
        text +=
          `  - id: ${krId(i, k)}\n    title: ${kind === 'metric' ? `Move ${topic} ${k + 1} from ${baseline} to ${target}` : `Deliver ${topic} ${k + 1}`}\n` +
          `    owner: ${people[n % PEOPLE_PER_TEAM]}\n    accepted: ${accepted}\n` +
          `${measure}    initiatives:\n`;
        for (let m = 0; m < (k === 0 ? 2 : 1); m++) {
          const status = cycle.status === 'closed' ? (m === 0 ? 'done' : 'dropped') : m === 0 ? 'active' : 'planned';
          text += `      - title: Initiative ${m + 1}\n        owner: ${people[(n + 1 + m) % PEOPLE_PER_TEAM]}\n        status: ${status}\n`;
        }
        krs.push(krId(i, k));
      }
      write(`objectives/${cycle.id}/${objectiveId(i)}.md`, `${text}---\n${body(`Why ${topic} matters`, i)}`);
    }

    CYCLES.forEach((cycle, c) => {
      const krs = krsByCycle[c]!;
      if (krs.length === 0) return;
      if (cycle.status === 'closed') {
        const scores = krs.map((kr, n) => `  - kr: ${kr}\n    score: ${((n * 7 + t) % 11) / 10}\n`).join('');
        write(
          `reviews/${cycle.id}/retro-${teamId(t)}-${cycle.id}.md`,
          `---\ndate: ${cycle.end}\nkind: retrospective\nfacilitator: ${lead}\nscores:\n${scores}` +
            `decisions:\n  - Keep the weekly check-in format\n---\n${body('Retrospective', t + c)}`,
        );
        return;
      }
      for (let w = 0; w < CHECKIN_WEEKS; w++) {
        const updates = krs
          .map((kr, n) => {
            const confidence = (40 + ((n * 37 + w * 11 + t) % 50)) / 100;
            const kind = kinds.get(kr);
            const state =
              kind === 'ordinal'
                ? `    level: ${LEVELS[(n + w) % LEVELS.length]}\n`
                : kind === 'milestone'
                  ? w === CHECKIN_WEEKS - 1 && Math.floor(n / KRS_PER_OBJECTIVE) % 2 === 0
                    ? '    done: true\n'
                    : ''
                  : `    value: ${n + w}\n`;
            return `  - kr: ${kr}\n    confidence: ${confidence}\n${state}`;
          })
          .join('');
        write(
          `reviews/${cycle.id}/checkin-${teamId(t)}-w${pad(w + 1, 2)}.md`,
          `---\ndate: ${addDays(firstCheckin, 7 * w)}\nkind: check-in\nfacilitator: ${lead}\nupdates:\n${updates}---\n${body(`Week ${w + 1}`, t + w)}`,
        );
      }
    });
  }
}
