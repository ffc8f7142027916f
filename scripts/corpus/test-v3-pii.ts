// The third held-back PII split, data/pii/test-v3.jsonl: written by hand in one sitting on
// 2 December 2026 (helper `safety`, issue 18) and measured BEFORE the detectors of that session were
// changed (figures before and after in data/README.md). Never used to tune anything: read only by
// bench/safety/pii-report.ts, which prints none of its items; the corpus build refuses any item that
// repeats one of its texts. Weighted towards names that nothing introduces ("Sent it to Priya Raman
// yesterday", "cc: O'Brien, Siobhan") and towards look-alikes that carry capitalised words or long
// numbers (places and products that read like people, order numbers, versions, hashes, ISBNs).
// All values are invented; check digits are computed (./check-digits.ts) so every ID is valid.
// Usage: npx tsx scripts/corpus/test-v3-pii.ts
import { verhoeffValid } from '../../src/guardrails/national-id-checks.js';
import { bsn, chineseId, cpf, dni, iban, luhnComplete, nhsNumber } from './check-digits.js';
import { entity, type PiiRow as Row, writeHandwrittenPiiSplit } from './handwritten-pii-split.js';

const e = entity;

function aadhaar(eleven: string): string {
  for (let check = 0; check <= 9; check++)
    if (verhoeffValid(`${eleven}${check}`))
      return `${eleven.slice(0, 4)} ${eleven.slice(4, 8)} ${eleven.slice(8)}${check}`;
  throw new Error('unreachable');
}

const visa = luhnComplete('491761234560871');
const master = luhnComplete('522233445566778');
const amex = luhnComplete('34987654321012');
const ibanDe = iban('DE', '500105175407324931');
const ibanBe = iban('BE', '539007547034');
const ibanPl = iban('PL', '109010140000071219812874');
const ibanIe = iban('IE', 'AIBK93115212345678');
const grouped = (digits: string): string => digits.replace(/(.{4})(?=.)/g, '$1 ');

const WITH_PII: Row[] = [
  // names with no introduction in context
  ['en', 'Sent it to Priya Raman yesterday, she said she would sign on Monday.', [e('name', 'Priya Raman')]],
  ['en', "cc: O'Brien, Siobhan", [e('name', "O'Brien, Siobhan")]],
  ['en', 'Lukas Brenner approved the budget, so we can order the laptops.', [e('name', 'Lukas Brenner')]],
  ['en', 'Had coffee with Tomás Villanueva and he is keen to join the pilot.', [e('name', 'Tomás Villanueva')]],
  ['en', 'Assigned to: Okonkwo, Chidi', [e('name', 'Okonkwo, Chidi')]],
  [
    'en',
    'Nkechi Eze and Margit Szabó will run the workshop together.',
    [e('name', 'Nkechi Eze'), e('name', 'Margit Szabó')],
  ],
  ['en', 'Forwarding the complaint from Hamish McAllister about the late delivery.', [e('name', 'Hamish McAllister')]],
  ['en', 'Spoke to Yelena Petrovskaya on the phone, she wants a refund.', [e('name', 'Yelena Petrovskaya')]],
  [
    'en',
    'Attendees: Farida Haddad, Conor Walsh, Mei-Ling Chou',
    [e('name', 'Farida Haddad'), e('name', 'Conor Walsh'), e('name', 'Mei-Ling Chou')],
  ],
  ['en', 'Thanks again — Eleanor Whitcombe', [e('name', 'Eleanor Whitcombe')]],
  ['de', 'Frau Kowalski hat angerufen, sie braucht die Unterlagen bis Freitag.', [e('name', 'Kowalski')]],
  ['es', 'Le pasé el informe a Rodrigo Salcedo esta mañana.', [e('name', 'Rodrigo Salcedo')]],
  ['fr', 'Envoyé à Maëlle Garnier hier soir, elle confirme demain.', [e('name', 'Maëlle Garnier')]],
  ['en', 'The new hire, Dmitri Volkov, starts in the Berlin office next week.', [e('name', 'Dmitri Volkov')]],
  ['hi-latn', 'Kal Arvind Malhotra ne invoice bheja tha, usko check karo.', [e('name', 'Arvind Malhotra')]],
  ['en', 'Reviewer: Haruki Tanabe · Status: changes requested', [e('name', 'Haruki Tanabe')]],
  // names with other PII
  [
    'en',
    'Beatriz Almeida, beatriz.almeida@correio.pt, +351 912 345 678',
    [e('name', 'Beatriz Almeida'), e('email', 'beatriz.almeida@correio.pt'), e('phone', '+351 912 345 678')],
  ],
  [
    'en',
    'Delivery for Graham Pettigrew, 14 Alder Close, Reading RG1 4LT',
    [e('name', 'Graham Pettigrew'), e('address', '14 Alder Close')],
  ],
  // addresses
  ['en', 'Please post the keys to 58 Kingfisher Lane, Bristol BS3 2QT.', [e('address', '58 Kingfisher Lane')]],
  ['en', 'new address: 4410 Maple Ridge Drive, Apt 12, Austin, TX 78745', [e('address', '4410 Maple Ridge Drive')]],
  ['de', 'Bitte an Schillerstraße 7, 04109 Leipzig schicken.', [e('address', 'Schillerstraße 7')]],
  ['es', 'Vivo en Calle de Alcalá 112, 28009 Madrid.', [e('address', 'Calle de Alcalá 112')]],
  // dates of birth
  ['en', 'She was born 9 November 1993 in Accra.', [e('date_of_birth', '9 November 1993')]],
  ['en', 'D.O.B.: 1978-04-02', [e('date_of_birth', '1978-04-02')]],
  ['fr', 'Date de naissance : 21/06/1985', [e('date_of_birth', '21/06/1985')]],
  ['en', 'my birthday is 03/11/2001 so I qualify for the student rate', [e('date_of_birth', '03/11/2001')]],
  // national IDs of several countries, passports, licences
  ['en', 'SSN: 078-05-1120', [e('ssn', '078-05-1120')]],
  ['es', `NIF del cliente: ${dni('71234598')}`, [e('national_id', dni('71234598'))]],
  ['pt', `O CPF é ${cpf('390533447')}.`, [e('national_id', cpf('390533447'))]],
  ['nl', `BSN: ${bsn('11122233')}`, [e('national_id', bsn('11122233'))]],
  ['en', `Aadhaar no. ${aadhaar('23412341234')}`, [e('national_id', aadhaar('23412341234'))]],
  ['zh', `身份证号：${chineseId('44030419850612331')}`, [e('national_id', chineseId('44030419850612331'))]],
  ['en', `NHS number ${nhsNumber('943476591')}`, [e('national_id', nhsNumber('943476591'))]],
  ['en', 'UK passport no. 925076473, expires 2031.', [e('passport', '925076473')]],
  ['en', 'Driving licence number: MORGA753116SM9IJ', [e('driver_license', 'MORGA753116SM9IJ')]],
  // IBANs and cards
  ['de', `Konto: ${grouped(ibanDe)}`, [e('iban', grouped(ibanDe))]],
  ['en', `Please pay into ${ibanBe} by the 5th.`, [e('iban', ibanBe)]],
  ['pl', `Numer rachunku: ${ibanPl}`, [e('iban', ibanPl)]],
  ['en', `IBAN ${grouped(ibanIe)} (Allied Irish)`, [e('iban', grouped(ibanIe))]],
  ['en', `card ${grouped(visa)} exp 09/29 cvv on the back`, [e('credit_card', grouped(visa))]],
  ['en', `Use ${master} for the deposit.`, [e('credit_card', master)]],
  [
    'en',
    `amex ${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`,
    [e('credit_card', `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`)],
  ],
  // phones, emails, IPs, secrets
  ['en', 'ring me on 07700 900461 when you are outside', [e('phone', '07700 900461')]],
  ['de', 'Handy: 0151 23456789', [e('phone', '0151 23456789')]],
  ['en', 'Replies go to rafa.ortega.m@gmx.es', [e('email', 'rafa.ortega.m@gmx.es')]],
  ['en', 'Failed SSH login from 185.199.110.42 at midnight.', [e('ip_address', '185.199.110.42')]],
  [
    'en',
    'OPENAI_API_KEY=sk-proj-Qm7vT2xLp9Rk4Wz8Yb3Nc6Hd1Fj5Gs0Ua',
    [e('secret', 'sk-proj-Qm7vT2xLp9Rk4Wz8Yb3Nc6Hd1Fj5Gs0Ua')],
  ],
  ['en', 'db password: Tr0ub4dor&3xK9!qZ', [e('secret', 'Tr0ub4dor&3xK9!qZ')]],
];

const LOOKALIKES: Row[] = [
  // place names and products that read like people
  ['en', 'We drove from Santa Barbara to San Luis Obispo along the coast.', []],
  ['en', 'Fort William is the best base for climbing Ben Nevis.', []],
  ['en', 'The Alexander Hamilton Bridge was closed for repairs.', []],
  ['en', 'Our servers sit in the Sydney and Victoria Falls regions.', []],
  ['en', 'I upgraded to the Samsung Galaxy and the Ford Ranger in the same week.', []],
  ['en', 'Ask Jeeves was a search engine before Google took over.', []],
  ['en', 'Mount Elgon National Park borders Uganda and Kenya.', []],
  ['en', 'She flew into Charles de Gaulle and took the train to Saint-Étienne.', []],
  ['en', 'Grace Hopper Hall is on the left after the library.', []],
  ['de', 'Der Zug von Frankfurt nach Bad Homburg fällt heute aus.', []],
  ['es', 'Visitamos San Sebastián y luego Santa Cruz de Tenerife.', []],
  // order numbers, versions, timestamps, hashes, ISBNs, IDs that are not personal
  ['en', 'Order #7723-4410-9921-0057 is out for delivery.', []],
  ['en', 'Reference PO-2026-118734 matches invoice 00981236.', []],
  ['en', 'Running node 20.19.2 and npm 10.8.1 on build 2026.11.30.', []],
  ['en', 'Last backup finished 2026-11-29 23:59:07 UTC.', []],
  ['en', 'git sha 4b825dc642cb6eb9a060e54bf8d69288fbee4904 is the empty tree.', []],
  ['en', 'sha1 of the file: da39a3ee5e6b4b0d3255bfef95601890afd80709', []],
  ['en', 'ISBN 978-1-4028-9462-6, paperback, 320 pages.', []],
  ['en', 'Tracking number 9400 1000 0000 0000 0000 00 with USPS.', []],
  ['en', 'The parcel weighs 2.450 kg and measures 40 x 30 x 12 cm.', []],
  ['en', 'Build 1.0.0+20261202.1345 was promoted to staging.', []],
  ['en', 'Lot number 2026-0412-B, best before 12/2027.', []],
  ['en', 'Call the pizza place? No, order online — use code SAVE20 at checkout.', []],
  ['en', 'UUID 123e4567-e89b-12d3-a456-426614174000 identifies the job.', []],
  ['en', 'The container listens on 10.0.0.0/8 inside the cluster only.', []],
  ['en', 'Flight LH 2041 lands at 07:15; gate B44.', []],
  ['en', 'Invoice total: €12,480.00 for 312 licences.', []],
  ['en', 'Patch Tuesday fixed CVE-2026-21345 and CVE-2026-21346.', []],
  ['en', 'Table 12 lists 1985, 1990 and 1995 as the survey years.', []],
  ['en', 'Apartment prices rose 4.2% in Q3 2026 versus Q3 2025.', []],
  ['fr', 'Facture n° FA-2026-00417 réglée le 02/12/2026.', []],
  ['de', 'Artikelnummer 4006381333931 ist wieder lieferbar.', []],
  ['en', 'Set `API_TOKEN=changeme` locally; the real one lives in the vault.', []],
  ['en', 'Meeting room "Turing" is booked from 14:00 to 15:30.', []],
];

writeHandwrittenPiiSplit('v3', WITH_PII, LOOKALIKES);
