// The held-back retrieval split data/retrieval/test-v3.jsonl: requests in users' words written by
// hand in one sitting on 2 December 2026, BEFORE any change of the round it measures (char-n-gram
// backoff, query expansion, new examples, re-chosen weights), and never used to choose any of them
// (read only by bench/safety/retrieval-report.ts). Phrased by intent rather than in the tools' words,
// in every register, with misspellings, other languages and requests that need two tools (both listed;
// either counts, and `intent` names the pair). Weighted towards the families issue 18 names: the
// people to contact in an attendee list, a percentage or tip, what the team's own docs say, the value
// half the numbers fall below, the current date and time.
// Each row: register, language, the request, then every tool that answers it (the first is intended).
// Usage: npx tsx scripts/corpus/test-v3-retrieval.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBuiltinTools } from '../../src/tools/builtin-tools.js';

type Row = [register: string, lang: string, text: string, ...tools: string[]];
/** A request that needs two tools one after the other: either counts as found. */
const TWO_TOOLS = new WeakSet<Row>();
const two = (row: Row): Row => {
  TWO_TOOLS.add(row);
  return row;
};

const ROWS: Row[] = [];
const add = (...rows: Row[]): void => {
  for (const row of rows) ROWS.push(row);
};

// People to contact in a list of attendees (extract_emails).
add(
  [
    'indirect',
    'en',
    'here is the RSVP sheet from the conference, I want to send each guest a thank-you',
    'extract_emails',
  ],
  [
    'situation',
    'en',
    'I pasted the participants of yesterday’s webinar, how do I reach all of them?',
    'extract_emails',
  ],
  ['terse', 'en', 'contacts from this roster', 'extract_emails', 'extract_phone_numbers'],
  ['indirect', 'en', 'who can I mail the minutes to, going by this list of people who came', 'extract_emails'],
  ['typo', 'en', 'get me the adresses to mail everyone on this atendee list', 'extract_emails'],
  ['command', 'fr', 'récupère les adresses mail des participants dans ce texte', 'extract_emails'],
  ['command', 'es', 'saca los correos de todos los asistentes de esta lista', 'extract_emails'],
  [
    'verbose',
    'en',
    'our meetup organiser forwarded me a messy export with names, companies and how to get in touch with each person; I only need the bits I can put in the To: field of a message',
    'extract_emails',
  ],
);
// A percentage or a tip to work out (percentage_of, calculator).
add(
  [
    'situation',
    'en',
    'dinner came to 63.40, what should I leave the waiter if I tip generously',
    'percentage_of',
    'calculator',
  ],
  ['question', 'en', 'how much is a fifth of 2350', 'calculator', 'percentage_of'],
  ['terse', 'en', '12.5 pct of 880', 'percentage_of', 'calculator'],
  ['situation', 'en', 'the cab was 27 and I want to add a fair gratuity on top', 'percentage_of', 'calculator'],
  ['question', 'en', 'what part of 48 is 6, expressed out of a hundred', 'calculator', 'percentage_of'],
  ['typo', 'en', 'whats 18 percnt of 95', 'percentage_of', 'calculator'],
  ['command', 'de', 'wie viel sind 15 Prozent Trinkgeld auf 42 Euro', 'percentage_of', 'calculator'],
  ['command', 'pt', 'quanto é 10 por cento de 350 reais', 'percentage_of', 'calculator'],
  ['situation', 'en', 'four of us had lunch for 118 and we each pay an equal share plus the service', 'calculator'],
  [
    'question',
    'en',
    'I scored 43 out of 50 on the quiz, what is that as a grade out of 100',
    'calculator',
    'percentage_of',
  ],
);
// What the team's own documentation says (kb_search).
add(
  ['indirect', 'en', 'how do we normally roll back a bad release here? someone must have written it up', 'kb_search'],
  ['question', 'en', 'is there anything in our runbooks about rotating the database password', 'kb_search'],
  ['indirect', 'en', 'what did we agree internally about naming branches', 'kb_search'],
  ['situation', 'en', 'new hire here, where is the team’s writeup on getting a laptop set up', 'kb_search'],
  ['terse', 'en', 'our docs on expenses', 'kb_search'],
  ['typo', 'en', 'serch our internl docs for the on-call rota', 'kb_search'],
  ['command', 'de', 'schau in unserer eigenen Doku nach, wie Urlaub beantragt wird', 'kb_search'],
  ['command', 'fr', 'que dit notre documentation interne sur les sauvegardes ?', 'kb_search'],
  [
    'verbose',
    'en',
    'before I ask in the channel again, check whether anybody on the team already documented how the billing export is scheduled, I am sure it is in our pages somewhere',
    'kb_search',
  ],
);
// The value half the numbers fall below (median).
add(
  ['indirect', 'en', 'the house price that half the sales in this list were under', 'median'],
  ['question', 'en', 'if I line these response times up from fastest to slowest, which one is in the centre', 'median'],
  ['indirect', 'en', 'typical salary here without the CEO skewing it like an average would', 'median'],
  ['terse', 'en', 'middle of 4 8 15 16 23 42', 'median'],
  ['typo', 'en', 'the medain of these delivery times', 'median'],
  ['command', 'es', 'cuál es el valor central de estos números: 3, 7, 9, 12, 20', 'median'],
  [
    'question',
    'en',
    'what is the 50/50 point of these commute times, half above and half below',
    'median',
    'percentile',
  ],
);
// The current date and time (current_datetime).
add(
  ['question', 'en', 'do you know what day it is?', 'current_datetime'],
  ['terse', 'en', 'time now', 'current_datetime'],
  ['question', 'en', 'what hour is it over in Sydney at the moment', 'current_datetime', 'timezone_convert'],
  ['situation', 'en', 'I need to stamp this log entry with the present moment', 'current_datetime'],
  ['typo', 'en', 'whats the date todya', 'current_datetime'],
  ['command', 'de', 'sag mir bitte, der Wievielte heute ist', 'current_datetime'],
  ['command', 'es', '¿qué hora es ahora mismo?', 'current_datetime'],
  ['command', 'it', 'che giorno è oggi?', 'current_datetime'],
  ['question', 'en', 'is it still morning in UTC right now', 'current_datetime'],
);
// Requests that need two tools, one after the other.
add(
  two([
    'situation',
    'en',
    'pull the email addresses out of this guest list and put them in alphabetical order',
    'extract_emails',
    'sort_list',
  ]),
  two(['command', 'en', 'grab every figure from this receipt and add them up', 'extract_numbers', 'sum_numbers']),
  two([
    'command',
    'en',
    'take this CSV of orders, keep the ones from Germany, and give me the average of the amount column',
    'csv_filter_rows',
    'mean_average',
  ]),
  two([
    'situation',
    'en',
    'decode this base64 blob and then tell me if the result is valid JSON',
    'base64_decode',
    'json_validate',
  ]),
  two([
    'command',
    'en',
    'find the links in this post and check each one is a proper address',
    'extract_urls',
    'validate_url',
  ]),
  two(['command', 'en', 'what is 30 days after today', 'date_add', 'current_datetime']),
  two([
    'situation',
    'en',
    'look up the team notes on the API and save a summary as a new note',
    'kb_search',
    'write_note',
  ]),
  two(['command', 'en', 'convert this YAML to JSON and then pretty print it', 'yaml_to_json', 'json_format']),
);
// Text.
add(
  [
    'situation',
    'en',
    'my tweet draft might be too long for the limit, check how long it is',
    'word_count',
    'truncate_text',
  ],
  ['indirect', 'en', 'will this speech fill a five minute slot', 'reading_time', 'word_count'],
  ['command', 'en', 'make it SHOUT', 'uppercase'],
  ['typo', 'en', 'chnage this to all smal letters', 'lowercase'],
  ['command', 'en', 'this was typed with caps lock stuck, make it read like normal sentences', 'sentence_case'],
  ['command', 'en', 'capitalise my essay heading properly', 'title_case'],
  ['question', 'en', 'what does "stressed" read as from the end', 'reverse_text'],
  ['situation', 'en', 'the text I copied from the PDF has ragged gaps between words', 'trim_whitespace'],
  ['command', 'en', 'make a web-address-safe piece from "Summer Sale: 50% Off!"', 'slugify'],
  ['command', 'en', 'give me a teaser of this blurb, no more than 60 letters long', 'truncate_text'],
  ['question', 'en', 'how often does the name "Marta" come up in the transcript', 'count_occurrences'],
  ['command', 'en', 'everywhere it says ACME put Globex instead', 'replace_text'],
  ['command', 'en', 'turn "red;green;blue" into separate items', 'split_text', 'regex_split'],
  [
    'situation',
    'en',
    'the export printed some lines twice, I want each line only once',
    'remove_duplicate_lines',
    'unique_list',
  ],
  ['command', 'en', 'arrange these lines a to z', 'sort_lines', 'sort_list'],
  ['command', 'en', 'reflow this so it fits a terminal 60 columns wide', 'wrap_text'],
  ['question', 'en', 'which letter is most common in this ciphertext', 'character_frequency'],
  ['command', 'en', 'initials for "Portable Network Graphics"', 'acronym'],
  ['command', 'en', 'make invoice number 42 six digits wide with zeros in front', 'pad_text'],
  ['command', 'fr', 'mets ce titre en majuscules', 'uppercase'],
);
// Regular expressions.
add(
  ['question', 'en', 'would ^\\d{5}$ accept the zip code 1234?', 'regex_test'],
  ['command', 'en', 'list every place this pattern [A-Z]{2}\\d+ hits, with the groups', 'regex_match_all'],
  ['command', 'en', 'use a pattern to rewrite dates like 2024-05-01 as 01/05/2024', 'regex_replace'],
  ['command', 'en', 'I want a dot and a question mark treated literally in my pattern', 'regex_escape'],
);
// JSON and YAML.
add(
  ['situation', 'en', 'the API response came back as one unreadable line, lay it out with indents', 'json_format'],
  ['command', 'en', 'shrink this JSON to save bytes', 'json_minify'],
  ['question', 'en', 'why won’t my config parse, is a comma missing somewhere?', 'json_validate', 'json_format'],
  ['command', 'en', 'dig out items[2].price from this response', 'json_get_path'],
  ['question', 'en', 'what fields are at the top of this object', 'json_keys'],
  ['command', 'en', 'put the keys of this JSON in a stable alphabetical order so diffs are clean', 'json_sort_keys'],
  ['command', 'en', 'make this nested settings object one level deep with dotted names', 'json_flatten'],
  ['command', 'en', 'I need this JSON as a kubernetes-style yaml file', 'json_to_yaml'],
  ['question', 'en', 'does this order payload follow the contract our schema defines', 'json_schema_validate'],
  ['typo', 'en', 'validaet this jsn', 'json_validate'],
);
// CSV.
add(
  ['command', 'en', 'turn this spreadsheet export into a list of objects for my script', 'csv_to_json'],
  ['question', 'en', 'how many rows and what columns are in this export', 'csv_headers', 'csv_summary'],
  ['command', 'en', 'just the phone column from this table, please', 'csv_column'],
  ['command', 'en', 'only the lines of this CSV where status is "open"', 'csv_filter_rows'],
  ['command', 'en', 'order this sheet by date, oldest first', 'csv_sort'],
  ['question', 'en', 'give me a quick overview of each column in this CSV, ranges and counts', 'csv_summary'],
);
// Encoding and hashing.
add(
  ['question', 'en', 'what does "aGVsbG8gd29ybGQ=" say', 'base64_decode'],
  ['command', 'en', 'wrap this binary-safe for a data: URI in base64', 'base64_encode'],
  ['command', 'en', 'spaces and ampersands in this search term will break my link, fix it', 'url_encode'],
  ['question', 'en', 'what is this garbled %C3%A9t%C3%A9 in plain words', 'url_decode'],
  ['command', 'en', 'show me the bytes of "ok" in hex', 'hex_encode'],
  ['command', 'en', '48656c6c6f back to text', 'hex_decode'],
  ['command', 'en', 'make this snippet safe to paste inside a web page without it running', 'html_escape'],
  ['command', 'en', 'turn &quot;hi&quot; &amp; bye back into normal characters', 'html_unescape'],
  ['command', 'en', 'shift every letter by thirteen', 'rot13'],
  ['question', 'en', 'what are the ones and zeros behind the letter A', 'text_to_binary'],
  ['question', 'en', 'what exactly is this weird invisible character in my string', 'unicode_code_points'],
  [
    'command',
    'en',
    'give me a checksum of this release note so people can verify it hasn’t changed',
    'sha256_hash',
    'sha512_hash',
    'md5_hash',
    'sha1_hash',
    'crc32_checksum',
  ],
  ['command', 'en', 'old-school md5 of "admin"', 'md5_hash'],
  ['situation', 'en', 'the payment provider wants a keyed signature of the request body with our secret', 'hmac_sign'],
  ['command', 'en', 'a stable uuid that is always the same for the name "orders"', 'uuid_v5'],
);
// Maths.
add(
  ['command', 'en', 'give me 3.14159 with just two decimals', 'round_number'],
  ['situation', 'en', 'rent went from 1200 to 1350, how big a jump is that', 'percent_change'],
  ['question', 'en', 'largest tile size that fits both a 48 and a 180 cm wall exactly', 'gcd'],
  ['question', 'en', 'buses every 12 and 18 minutes, when do they next leave together', 'lcm'],
  ['question', 'en', 'is 221 only divisible by one and itself', 'is_prime', 'prime_factors'],
  ['command', 'en', 'break 360 down into primes', 'prime_factors'],
  ['question', 'en', 'how many ways can 8 runners finish in order', 'factorial', 'combinations'],
  ['question', 'en', 'how many different 5-card hands from a 52 card deck', 'combinations'],
  ['command', 'en', 'the rabbit sequence, first twenty terms', 'fibonacci'],
  ['command', 'en', 'write 0xff as a plain decimal number', 'base_convert'],
  ['question', 'en', 'where does 2x² − 3x − 5 cross zero', 'solve_quadratic'],
  ['command', 'en', 'invert the matrix [[4,7],[2,6]]', 'matrix_determinant'],
  ['typo', 'en', 'caluclate 17 squared minus 40', 'calculator'],
  ['command', 'fr', 'combien font 345 fois 12 ?', 'calculator'],
);
// Statistics.
add(
  ['question', 'en', 'on average how many tickets did we close per day this week: 12, 9, 15, 11, 13', 'mean_average'],
  ['command', 'en', 'which shoe size did customers order most often', 'mode', 'count_frequencies'],
  ['command', 'en', 'total of this column of invoice amounts', 'sum_numbers', 'calculator'],
  ['question', 'en', 'what were the coldest and warmest readings, and the gap between them', 'min_max'],
  ['question', 'en', 'how consistent are these lap times, how much do they wobble', 'standard_deviation'],
  ['question', 'en', 'what latency do 95 out of 100 requests stay under', 'percentile'],
  ['command', 'en', 'put each exam score on a common scale relative to the class average', 'z_scores'],
  ['question', 'en', 'do hours studied and marks move together in this data', 'correlation'],
  ['question', 'en', 'predict next month’s sales from the trend of these monthly figures', 'linear_regression'],
  ['command', 'en', 'show how the ages are distributed in bands of ten years', 'histogram'],
  ['command', 'de', 'berechne den Durchschnitt dieser Noten: 2, 3, 1, 4', 'mean_average'],
);
// Dates and times.
add(
  ['question', 'en', 'how many days have passed since my wedding on 2019-06-15', 'date_diff', 'current_datetime'],
  ['question', 'en', 'my subscription renews six weeks after 3 March, which date is that', 'date_add'],
  ['question', 'en', 'if it is 4pm in Chicago what time is it for my colleague in Mumbai', 'timezone_convert'],
  ['question', 'en', 'was I born on a weekend? 1992-11-08', 'day_of_week'],
  ['command', 'en', 'write 2025-07-04 out like "July 4, 2025"', 'format_date'],
  ['question', 'en', 'what moment does 1718000000 stand for', 'unix_to_date'],
  ['command', 'en', 'seconds since 1970 for the first of January 2030', 'date_to_unix'],
  ['question', 'en', 'which calendar week does the 9th of September fall in', 'week_number'],
  ['question', 'en', 'does February 2028 have 29 days', 'is_leap_year'],
  [
    'question',
    'en',
    'how many days will I actually be in the office between 3 and 28 March, Monday to Friday only',
    'business_days_between',
  ],
  ['question', 'en', 'how old will my daughter be on her graduation day if she was born 2008-02-11', 'age_on_date'],
  ['typo', 'en', 'how many days betwen march 1 and may 20', 'date_diff'],
  ['command', 'es', 'qué día de la semana fue el 25 de diciembre de 2000', 'day_of_week'],
);
// Units.
add(
  ['question', 'en', 'how many cups is half a litre', 'unit_convert'],
  [
    'situation',
    'en',
    'the weather app says 28 degrees but I think in Fahrenheit',
    'temperature_convert',
    'unit_convert',
  ],
  ['question', 'en', 'how big is a 734003200 byte download in megabytes', 'format_bytes'],
  ['command', 'en', 'show 9000 seconds as hours and minutes', 'format_duration'],
  ['typo', 'en', 'convrt 5 feet 10 inches to centimetres', 'unit_convert'],
  ['command', 'pt', 'converte 30 graus celsius para fahrenheit', 'temperature_convert', 'unit_convert'],
);
// Lists and collections.
add(
  ['command', 'en', 'drop the repeats from this list of tags', 'unique_list', 'remove_duplicate_lines'],
  ['command', 'en', 'turn this list around so the last item is first', 'reverse_list'],
  ['command', 'en', 'send these 230 user ids in batches of 50', 'chunk_list'],
  ['command', 'en', 'everyone who is on either mailing list, without doubles', 'set_union'],
  ['question', 'en', 'which products are in both warehouses', 'set_intersection'],
  ['question', 'en', 'who signed up but never paid, given the two lists', 'set_difference'],
  ['command', 'en', 'how many votes did each option get: yes, no, yes, maybe, yes', 'count_frequencies', 'mode'],
  ['command', 'en', 'match up the countries with their capitals from these two lists', 'zip_lists'],
  ['command', 'en', 'write these names as one line: Ann, Bo and Cy', 'join_list'],
  ['command', 'en', 'order these numbers from smallest to largest: 9, 2, 40, 13', 'sort_list'],
);
// Randomness.
add(
  ['command', 'en', 'think of a number from 1 to 100 for me', 'random_integer'],
  ['situation', 'en', 'we have five volunteers and one prize, choose the lucky one', 'random_choice'],
  ['command', 'en', 'randomise the order of speakers for tomorrow', 'shuffle_list'],
  ['command', 'en', 'a hard-to-guess login secret, 16 characters', 'generate_password'],
  ['command', 'en', 'throw two d6 for my board game', 'roll_dice'],
  ['command', 'en', 'filler text for a website mockup', 'lorem_ipsum'],
  ['command', 'en', 'a brand new random identifier for this record', 'random_uuid'],
  ['command', 'fr', 'tire au sort un gagnant parmi Léa, Hugo et Inès', 'random_choice'],
);
// Extraction.
add(
  ['command', 'en', 'which websites does this article point to', 'extract_urls', 'markdown_links'],
  ['command', 'en', 'what numbers appear in this paragraph', 'extract_numbers'],
  ['indirect', 'en', 'when are the deadlines in this project plan', 'extract_dates'],
  ['command', 'en', 'the topics people tagged in these posts', 'extract_hashtags'],
  ['question', 'en', 'who got pinged in this chat log', 'extract_mentions'],
  ['indirect', 'en', 'how can I call the suppliers listed in this document', 'extract_phone_numbers'],
  ['command', 'en', 'which machines show up in this server log, by address', 'extract_ip_addresses'],
  ['indirect', 'en', 'what is this long report mostly about, a handful of terms', 'extract_keywords'],
);
// Code.
add(
  ['question', 'en', 'how big is this source file, not counting blank lines', 'code_stats'],
  ['question', 'en', 'is this snippet ruby or python?', 'detect_code_language'],
  ['command', 'en', 'this pasted function is indented way too far, shift it back left', 'dedent_code'],
  ['command', 'en', 'push every line of this block in by four spaces', 'indent_code'],
  ['command', 'en', 'get rid of the // notes in this file before I ship it', 'strip_comments'],
  ['command', 'en', 'name this "order total amount" the way a JavaScript variable would be', 'camel_case'],
  ['command', 'en', 'class name style for "http request handler"', 'pascal_case'],
  ['command', 'en', 'python style variable name for "Max Retry Count"', 'snake_case'],
  ['command', 'en', 'css class style name with dashes for "Primary Button Large"', 'kebab_case'],
  ['command', 'en', 'environment variable style name for "api base url"', 'constant_case'],
);
// Colours.
add(
  ['question', 'en', 'what red, green and blue make up #ff8800', 'hex_to_rgb'],
  ['command', 'en', 'code for the colour 34, 139, 34 in web notation', 'rgb_to_hex'],
  ['question', 'en', 'what hue is #2e86c1', 'hex_to_hsl'],
  ['command', 'en', 'hue 200, saturation 60%, lightness 40% as a web colour', 'hsl_to_hex'],
  ['question', 'en', 'can people with poor eyesight read grey #999 text on white', 'color_contrast'],
  ['command', 'en', 'a shade between my brand blue #0044cc and white', 'mix_colors'],
);
// Validation.
add(
  ['question', 'en', 'would the signup form accept "anna.b@example" as an address', 'validate_email'],
  ['question', 'en', 'is "ftp//files.example.org" a usable link', 'validate_url'],
  ['question', 'en', 'is 123e4567-e89b-12d3-a456-42661417400 a correctly formed id', 'validate_uuid'],
  ['question', 'en', 'can I name a server "my_host.local" or is that not allowed', 'validate_hostname'],
  ['question', 'en', 'is "2024-13-01T10:00:00Z" an acceptable timestamp for the API', 'validate_iso_date'],
  ['question', 'en', 'is this bank account number DE89 3704 0044 0532 0130 00 genuine', 'validate_iban'],
  ['question', 'en', 'did the customer mistype their card number 4539 1488 0343 6467', 'validate_luhn'],
);
// URLs, Markdown, diffs, versions, schedules, places, money, networks, files and the web.
add(
  ['command', 'en', 'what is the host and the port in https://api.example.com:8443/v1/users?id=3', 'parse_url'],
  ['command', 'en', 'break utm_source=news&utm_medium=email&page=2 into its pieces', 'parse_query_string'],
  ['command', 'en', 'make a link to https://shop.example.com/search with q=red shoes and size=42', 'build_url'],
  ['question', 'en', 'where does ../images/logo.png point from https://example.com/blog/post/', 'resolve_url'],
  ['command', 'en', 'clean the tracking junk off this link so I can compare it with others', 'normalize_url'],
  ['command', 'en', 'turn my README into a web page', 'markdown_to_html'],
  ['command', 'en', 'give me the outline of this markdown doc', 'markdown_headings', 'markdown_toc'],
  ['command', 'en', 'make a little grid with columns name and price for my notes in markdown', 'markdown_table'],
  [
    'question',
    'en',
    'what did my editor change between these two versions of the letter',
    'text_diff',
    'word_diff',
    'diff_stats',
  ],
  ['question', 'en', 'how many lines did this change add and take away', 'diff_stats'],
  ['command', 'en', 'apply this patch file to the original text', 'apply_patch'],
  ['question', 'en', 'is 4.0.0-beta.2 older than 4.0.0', 'semver_compare'],
  ['command', 'en', 'next patch release after 2.7.3', 'semver_bump'],
  ['command', 'en', 'put these release numbers in order: 1.10.0, 1.2.0, 1.9.3', 'semver_sort'],
  ['question', 'en', 'which of 1.2.3, 1.4.0, 2.0.0 would ~1.2 pick', 'semver_max_satisfying', 'semver_satisfies'],
  ['question', 'en', 'when will my nightly job set to "30 2 * * *" run the next few times', 'cron_next_runs'],
  ['question', 'en', 'when did the job on "0 */6 * * *" last go off', 'cron_previous_runs'],
  ['question', 'en', 'how many kilometres between Madrid and Lisbon in a straight line', 'geo_distance'],
  ['command', 'en', 'convert 51°30\'26"N to a plain decimal', 'dms_to_decimal'],
  [
    'situation',
    'en',
    'I borrow 18000 for a car over five years at 6.9%, what do I pay each month',
    'loan_payment',
    'amortization_schedule',
  ],
  ['command', 'en', 'show me how the balance of my loan goes down month by month', 'amortization_schedule'],
  ['question', 'en', 'what will 10k grow to in 20 years if returns are reinvested at 7%', 'compound_interest'],
  ['question', 'en', 'how much did my shares earn in percent, bought for 800, now worth 1100', 'return_on_investment'],
  ['situation', 'en', 'my invoice is 1500 before tax, what is it with 19% tax added', 'vat_calculate'],
  ['situation', 'en', 'the sofa is 899 in the sale at 30% off, what do I pay', 'discount_price'],
  ['command', 'en', 'write 98765.4 the way a Japanese shop would show yen', 'format_currency'],
  ['question', 'en', 'is 10.2.3.4 part of the 10.2.0.0/16 network', 'cidr_contains'],
  ['question', 'en', 'what is the broadcast address of 172.16.5.0/24', 'cidr_info'],
  ['question', 'en', 'is 8.8.8.8 a public or private address', 'ip_address_info', 'validate_ip_address'],
  ['command', 'en', 'what is inside notes/plan.txt in my workspace', 'read_file'],
  ['command', 'en', 'what do I have in my workspace folder', 'list_files'],
  ['command', 'en', 'add this line to the bottom of changelog.md', 'append_file'],
  ['command', 'en', 'get rid of old-draft.txt from the workspace', 'delete_file'],
  ['command', 'en', 'keep this thought for me: call the landlord about the boiler', 'write_note'],
  ['command', 'en', 'what was in the note I made called "holiday"', 'read_note'],
  ['question', 'en', 'what is the news online today about the euro exchange rate', 'web_search'],
  ['command', 'en', 'download the contents of https://example.org/feed.json', 'http_get'],
  ['command', 'nl', 'hoe laat is het nu?', 'current_datetime'],
  ['command', 'nl', 'tel de woorden in deze tekst', 'word_count'],
);

const categories = new Map(
  createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' }).map(
    (tool) => [tool.name, tool.category],
  ),
);
const lines = ROWS.map((row, index) => {
  const [register, lang, text, ...tools] = row;
  for (const tool of tools) if (!categories.has(tool)) throw new Error(`unknown tool ${tool} in "${text}"`);
  return JSON.stringify({
    id: `v3:${index + 1}`,
    text,
    tools,
    family: categories.get(tools[0]),
    intent: TWO_TOOLS.has(row) ? tools.join('+') : tools[0],
    register,
    lang,
    group: `v3:${index + 1}`,
    source: 'riptide-handwritten-v3',
  });
});
writeFileSync(fileURLToPath(new URL('../../data/retrieval/test-v3.jsonl', import.meta.url)), `${lines.join('\n')}\n`);
console.log(
  `data/retrieval/test-v3.jsonl: ${ROWS.length} requests (${ROWS.filter((row) => TWO_TOOLS.has(row)).length} needing two tools)`,
);
