/**
 * A small relationship calculator in the manner of Gramps: a chain of kinship steps from one
 * person (ego) to another (alter) becomes the English name of what alter is to ego ("maternal
 * uncle", "first cousin once removed", "sister-in-law"). Chains with no common name are spelt out
 * ("mother's husband"), which is always true to the data.
 */

export type Gender = 'female' | 'male' | 'other' | 'unknown';

/** One step along the chain; `gender` is that of the person the step reaches. */
export interface KinStep {
  kind: 'parent' | 'child' | 'partner' | 'sibling' | 'guardian' | 'ward' | 'relative';
  gender?: Gender;
  /** The stored role: "divorced" partners, "half" siblings... */
  role?: string;
  /** For `relative`: the stored words for what the reached person is to the previous one. */
  relation?: string;
}

const by = (gender: Gender | undefined, male: string, female: string, neutral: string) =>
  gender === 'male' ? male : gender === 'female' ? female : neutral;

const greats = (n: number) => 'great-'.repeat(Math.max(0, n));

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TIMES = ['', 'once', 'twice', 'thrice'];

function stepWord(step: KinStep): string {
  switch (step.kind) {
    case 'parent':
      return by(step.gender, 'father', 'mother', 'parent');
    case 'child':
      return by(step.gender, 'son', 'daughter', 'child');
    case 'partner':
      return partnerWord(step);
    case 'sibling':
      return siblingPrefix(step) + by(step.gender, 'brother', 'sister', 'sibling');
    case 'guardian':
      return 'guardian';
    case 'ward':
      return 'ward';
    case 'relative':
      return step.relation ?? 'relative';
  }
}

function partnerWord(step: KinStep): string {
  if (step.role === 'engaged') return by(step.gender, 'fiancé', 'fiancée', 'betrothed');
  const word = by(step.gender, 'husband', 'wife', 'partner');
  return step.role === 'divorced' ? `former ${word}` : word;
}

const siblingPrefix = (step: KinStep) => (step.role === 'half' ? 'half-' : step.role === 'step' ? 'step' : '');

const lineageOf = (gender: Gender | undefined) => by(gender, 'paternal ', 'maternal ', '');

/** Blood kin as generations up (`up`) then down (`down`) through a common ancestor. */
interface BloodForm {
  up: number;
  down: number;
  lineage: string;
}

/** Reads parent/child/sibling steps as up...up down...down, or null if the chain zig-zags. */
function bloodForm(steps: KinStep[]): BloodForm | null {
  const moves: { dir: 'up' | 'down'; gender?: Gender }[] = [];
  for (const step of steps) {
    if (step.kind === 'parent') moves.push({ dir: 'up', gender: step.gender });
    else if (step.kind === 'child') moves.push({ dir: 'down', gender: step.gender });
    else if (step.kind === 'sibling') moves.push({ dir: 'up' }, { dir: 'down', gender: step.gender });
    else return null;
  }
  const up = moves.findIndex((move) => move.dir === 'down');
  const ups = up === -1 ? moves.length : up;
  if (moves.slice(ups).some((move) => move.dir === 'up')) return null;
  return { up: ups, down: moves.length - ups, lineage: ups >= 2 ? lineageOf(moves[0]!.gender) : '' };
}

function bloodName({ up, down, lineage }: BloodForm, gender: Gender | undefined, steps: KinStep[]): string | null {
  if (up === 0 && down === 0) return null;
  if (down === 0) {
    return up === 1
      ? by(gender, 'father', 'mother', 'parent')
      : lineage + greats(up - 2) + by(gender, 'grandfather', 'grandmother', 'grandparent');
  }
  if (up === 0) {
    return down === 1
      ? by(gender, 'son', 'daughter', 'child')
      : greats(down - 2) + by(gender, 'grandson', 'granddaughter', 'grandchild');
  }
  if (up === 1 && down === 1)
    return steps.length === 1 ? stepWord(steps[0]!) : by(gender, 'brother', 'sister', 'sibling');
  if (up === 1) return greats(down - 3) + (down >= 3 ? 'grand' : '') + by(gender, 'nephew', 'niece', 'nephew or niece');
  if (down === 1) return lineage + greats(up - 2) + by(gender, 'uncle', 'aunt', 'uncle or aunt');
  const degree = Math.min(up, down) - 1;
  const removed = Math.abs(up - down);
  const ordinal = ORDINALS[degree] ?? `${degree}th`;
  return `${ordinal} cousin${removed ? ` ${TIMES[removed] ?? `${removed} times`} removed` : ''}`;
}

/** In-laws and partners: a partner step at either end of a blood chain. */
function marriageName(
  lead: KinStep | undefined,
  blood: BloodForm,
  trail: KinStep | undefined,
  gender: Gender | undefined,
): string | null {
  const is = (up: number, down: number) => blood.up === up && blood.down === down;
  if (lead && trail) return null;
  if (trail) {
    if (is(0, 0)) return partnerWord(trail);
    if (is(1, 1)) return by(gender, 'brother-in-law', 'sister-in-law', 'sibling-in-law');
    if (is(0, 1)) return by(gender, 'son-in-law', 'daughter-in-law', 'child-in-law');
    if (blood.down === 1 && blood.up >= 2)
      return `${blood.lineage}${greats(blood.up - 2)}${by(gender, 'uncle', 'aunt', 'uncle or aunt')} by marriage`;
    return null;
  }
  if (is(1, 0)) return by(gender, 'father-in-law', 'mother-in-law', 'parent-in-law');
  if (is(1, 1)) return by(gender, 'brother-in-law', 'sister-in-law', 'sibling-in-law');
  return null;
}

/** What the last person of the chain is to the first, in English. */
export function kinshipName(steps: readonly KinStep[]): string {
  if (steps.length === 0) return 'same person';
  const gender = steps[steps.length - 1]!.gender;
  const lead = steps[0]!.kind === 'partner' && steps.length > 1 ? steps[0] : undefined;
  const trail = steps[steps.length - 1]!.kind === 'partner' ? steps[steps.length - 1] : undefined;
  const middle = steps.slice(lead ? 1 : 0, trail ? -1 : undefined);
  const blood = bloodForm(middle);
  const named = blood && (lead || trail ? marriageName(lead, blood, trail, gender) : bloodName(blood, gender, middle));
  return named ?? steps.map(stepWord).join("'s ");
}
