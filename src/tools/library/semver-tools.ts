// Semantic-version tools on the `semver` package: compare, satisfy ranges, bump, sort and parse.
import semver from 'semver';
import { defineTool } from '../define-tool.js';
import { choice, nonEmptyText, textList, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const version = (description: string) => nonEmptyText(`${description} e.g. "1.4.2".`, 256);
const range = nonEmptyText('A semver range, e.g. "^1.2.0", ">=2 <3", "~1.4".', 256);
const BUMPS = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease'] as const;

function valid(value: string, field: string): string {
  const clean = semver.valid(semver.clean(value) ?? value);
  if (!clean) throw new ToolInputError(`${field} '${value}' is not a valid semantic version`);
  return clean;
}

function validRange(value: string): string {
  const clean = semver.validRange(value);
  if (!clean) throw new ToolInputError(`range '${value}' is not a valid semver range`);
  return clean;
}

export function createSemverTools(): ToolSpec[] {
  const category = 'semver';
  const versions = textList('Version strings.', 1_000, 256);
  return [
    defineTool<{ a: string; b: string }>({
      name: 'semver_compare',
      description: 'Compare two semantic versions: which is newer, and whether the change is major, minor or patch.',
      category,
      tags: ['semver', 'version', 'compare', 'newer', 'older', 'upgrade'],
      parameters: { a: version('The first version,'), b: version('The second version,') },
      handler: (args) => {
        const a = valid(args.a, 'a');
        const b = valid(args.b, 'b');
        const order = semver.compare(a, b);
        return { comparison: order === 0 ? 'equal' : order < 0 ? 'a < b' : 'a > b', difference: semver.diff(a, b) };
      },
    }),
    defineTool<{ version: string; range: string }>({
      name: 'semver_satisfies',
      description: 'Check whether a version satisfies a semver range such as ^1.2.0 or >=2 <3.',
      category,
      tags: ['semver', 'version', 'range', 'satisfies', 'compatible', 'caret', 'tilde', 'dependency'],
      parameters: { version: version('The version,'), range },
      handler: (args) => semver.satisfies(valid(args.version, 'version'), validRange(args.range)),
    }),
    defineTool<{ version: string; release: (typeof BUMPS)[number]; preid: string }>({
      name: 'semver_bump',
      description: 'Increment (bump) a semantic version by major, minor, patch or prerelease.',
      category,
      tags: ['semver', 'version', 'bump', 'increment', 'release', 'next version'],
      parameters: {
        version: version('The current version,'),
        release: withDefault(choice('Which part to bump.', BUMPS), 'patch'),
        preid: withDefault({ type: 'string', description: 'Prerelease identifier, e.g. "beta".', maxLength: 32 }, ''),
      },
      handler: (args) =>
        args.preid
          ? semver.inc(valid(args.version, 'version'), args.release, args.preid)
          : semver.inc(valid(args.version, 'version'), args.release),
    }),
    defineTool<{ versions: string[]; descending: boolean }>({
      name: 'semver_sort',
      description: 'Sort a list of semantic versions from oldest to newest (invalid ones are reported).',
      category,
      tags: ['semver', 'versions', 'sort', 'order', 'releases'],
      parameters: { versions, descending: withDefault({ type: 'boolean', description: 'Newest first.' }, false) },
      handler: (args) => {
        const good = args.versions.filter((v) => semver.valid(v));
        const sorted = args.descending ? semver.rsort([...good]) : semver.sort([...good]);
        return { sorted, invalid: args.versions.filter((v) => !semver.valid(v)) };
      },
    }),
    defineTool<{ versions: string[]; range: string }>({
      name: 'semver_max_satisfying',
      description: 'Pick the highest version from a list that satisfies a semver range (what npm would install).',
      category,
      tags: ['semver', 'versions', 'range', 'latest', 'max satisfying', 'resolve', 'dependency'],
      parameters: { versions, range },
      handler: (args) =>
        semver.maxSatisfying(
          args.versions.filter((v) => semver.valid(v)),
          validRange(args.range),
        ),
    }),
    defineTool<{ version: string }>({
      name: 'semver_parse',
      description: 'Parse a semantic version into major, minor, patch, prerelease and build parts.',
      category,
      tags: ['semver', 'version', 'parse', 'major', 'minor', 'patch', 'prerelease'],
      parameters: { version: version('The version,') },
      handler: (args) => {
        const parsed = semver.parse(valid(args.version, 'version')) as semver.SemVer;
        return {
          major: parsed.major,
          minor: parsed.minor,
          patch: parsed.patch,
          prerelease: parsed.prerelease,
          build: parsed.build,
        };
      },
    }),
  ];
}
