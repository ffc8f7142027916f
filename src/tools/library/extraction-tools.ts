// Extraction tools: pull URLs, emails, numbers, dates, hashtags, mentions, phone numbers, IP
// addresses and keywords out of free text. Results are de-duplicated in order of appearance.
import ipaddr from 'ipaddr.js';
import { defineTool } from '../define-tool.js';
import { textTerms } from '../retrieval/text-terms.js';
import { integer, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

const input = text('The text to extract from.', 100_000);
const unique = (values: Iterable<string>): string[] => [...new Set(values)].slice(0, 1_000);

export function createExtractionTools(): ToolSpec[] {
  const category = 'extraction';
  const extractor = (name: string, description: string, tags: string[], find: (value: string) => string[] | number[]) =>
    defineTool<{ text: string }>({
      name,
      description,
      category,
      tags: ['extract', 'find', ...tags],
      parameters: { text: input },
      handler: (args) => find(args.text),
    });
  return [
    extractor(
      'extract_urls',
      'Extract every http(s) URL / link found in a text.',
      ['urls', 'links', 'hyperlinks', 'web addresses'],
      (value) => unique((value.match(/\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/gi) ?? []) as string[]),
    ),
    extractor(
      'extract_emails',
      'Extract every email address found in a text.',
      ['email', 'emails', 'addresses', 'contacts'],
      (value) =>
        unique(
          (value.match(/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g) ?? []).map((email) =>
            email.toLowerCase(),
          ),
        ),
    ),
    extractor(
      'extract_numbers',
      'Extract every number (integers, decimals, negatives, thousands separators) from a text.',
      ['numbers', 'digits', 'figures', 'amounts', 'values'],
      (value) =>
        (value.match(/-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/g) ?? [])
          .slice(0, 1_000)
          .map((n) => Number(n.replace(/,/g, ''))),
    ),
    extractor(
      'extract_dates',
      'Extract date mentions (2024-03-15, 15/03/2024, March 15, 2024) from a text.',
      ['dates', 'days', 'deadlines', 'when'],
      (value) =>
        unique(
          value.match(
            /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}\b/gi,
          ) ?? [],
        ),
    ),
    extractor(
      'extract_hashtags',
      'Extract #hashtags from a text (social media posts).',
      ['hashtags', 'tags', 'social media', 'twitter'],
      (value) => unique(value.match(/(?<![\w#])#[\p{L}\p{N}_]+/gu) ?? []),
    ),
    extractor(
      'extract_mentions',
      'Extract @mentions (user handles) from a text.',
      ['mentions', 'handles', 'usernames', 'social media', 'at'],
      (value) => unique(value.match(/(?<![\w@.])@[A-Za-z0-9_]{1,39}\b(?!\.[A-Za-z])/g) ?? []),
    ),
    extractor(
      'extract_phone_numbers',
      'Extract phone numbers (international +CC or local formats) from a text.',
      ['phone', 'telephone', 'numbers', 'contacts', 'mobile'],
      (value) =>
        unique(
          (value.match(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}/g) ?? [])
            .map((phone) => phone.trim())
            .filter((phone) => phone.replace(/\D/g, '').length >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(phone)),
        ),
    ),
    extractor(
      'extract_ip_addresses',
      'Extract valid IPv4 and IPv6 addresses from a text (logs).',
      ['ip', 'ip address', 'ipv4', 'ipv6', 'logs', 'network'],
      (value) =>
        unique(
          (value.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b|\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b/gi) ?? []).filter(
            (candidate) => ipaddr.isValid(candidate),
          ),
        ),
    ),
    defineTool<{ text: string; top: number }>({
      name: 'extract_keywords',
      description: 'Extract the most frequent meaningful keywords (key terms, topics) from a text.',
      category,
      tags: ['extract', 'keywords', 'key terms', 'topics', 'tags', 'summary'],
      parameters: { text: input, top: withDefault(integer('How many keywords to return.', 1, 100), 10) },
      handler: (args) => {
        const counts = new Map<string, { word: string; count: number }>();
        for (const word of args.text.split(/[^\p{L}\p{N}'-]+/u)) {
          if (word.length < 3) continue;
          const [stem] = textTerms(word);
          if (!stem) continue;
          const entry = counts.get(stem) ?? { word: word.toLowerCase(), count: 0 };
          entry.count++;
          counts.set(stem, entry);
        }
        return [...counts.values()]
          .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
          .slice(0, args.top);
      },
    }),
  ];
}
