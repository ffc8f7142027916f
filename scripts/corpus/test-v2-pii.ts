// The held-back PII split data/pii/test-v2.jsonl: texts written by hand in one sitting, BEFORE the
// detectors of that round were changed, and never used to tune them (read only by
// bench/safety/pii-report.ts). Check digits are computed here (Luhn, mod 97, mod 11) so every
// card, IBAN and ID is valid; all values are invented. Usage: npx tsx scripts/corpus/test-v2-pii.ts
import { cpf, dni, iban, luhnComplete } from './check-digits.js';
import { entity, type PiiRow as Row, writeHandwrittenPiiSplit } from './handwritten-pii-split.js';

const spaced = (digits: string): string => digits.replace(/(.{4})(?=.)/g, '$1 ');
const visa = luhnComplete('453201511283036');
const master = luhnComplete('542523343010990');
const amex = luhnComplete('37144963539843');
const discover = luhnComplete('601111111111111');
const ibanDe = iban('DE', '370400440532013000');
const ibanFr = iban('FR', '20041010050500013M02606');
const ibanEs = iban('ES', '21000418450200051332');
const ibanNl = iban('NL', 'ABNA0417164300');
const ibanGb = iban('GB', 'WEST12345698765432');
const ibanIt = iban('IT', 'X0542811101000000123456');

const e = entity;

const WITH_PII: Row[] = [
  ['en', 'Hi, this is Siobhan Gallagher, I ordered the blue lamp last week.', [e('name', 'Siobhan Gallagher')]],
  ['en', 'Please send the contract to Dr. Rajesh Venkataraman before Friday.', [e('name', 'Rajesh Venkataraman')]],
  ['en', 'The patient, Mrs. Olufunke Adeyemi, was admitted at 14:00.', [e('name', 'Olufunke Adeyemi')]],
  ['en', 'Signed: Bartholomew Quigley, Head of Procurement', [e('name', 'Bartholomew Quigley')]],
  ['en', 'My name is Ingrid Halvorsen and I cannot log in.', [e('name', 'Ingrid Halvorsen')]],
  ['de', 'Mein Name ist Jürgen Oberländer, ich habe eine Frage zur Rechnung.', [e('name', 'Jürgen Oberländer')]],
  ['es', 'Me llamo Ximena Barrientos y quiero cancelar mi suscripción.', [e('name', 'Ximena Barrientos')]],
  ['fr', "Je m'appelle Gaëlle Lefebvre, pouvez-vous me rappeler ?", [e('name', 'Gaëlle Lefebvre')]],
  [
    'en',
    'Reach me at tomasz.wisniewski@postbox.pl if the parcel is late.',
    [e('email', 'tomasz.wisniewski@postbox.pl')],
  ],
  [
    'en',
    'cc: accounts-payable+q3@northwind-traders.co.uk',
    [e('email', 'accounts-payable+q3@northwind-traders.co.uk')],
  ],
  ['en', 'Call me on +44 20 7946 0958 after six.', [e('phone', '+44 20 7946 0958')]],
  ['en', 'my cell is (415) 867-5309, text first pls', [e('phone', '(415) 867-5309')]],
  ['de', 'Rückruf bitte unter 030 90182345.', [e('phone', '030 90182345')]],
  ['fr', 'Vous pouvez me joindre au 06 12 34 56 78.', [e('phone', '06 12 34 56 78')]],
  ['es', 'Mi teléfono es +34 612 345 678.', [e('phone', '+34 612 345 678')]],
  ['en', 'WhatsApp: +91 98765 43210', [e('phone', '+91 98765 43210')]],
  ['en', `Charge it to my card ${spaced(visa)}, expiry 04/28.`, [e('credit_card', spaced(visa))]],
  ['en', `card number: ${master}`, [e('credit_card', master)]],
  ['en', `The Amex on file ends… actually the full number is ${amex}.`, [e('credit_card', amex)]],
  [
    'en',
    `Discover ${discover.slice(0, 4)}-${discover.slice(4, 8)}-${discover.slice(8, 12)}-${discover.slice(12)}`,
    [
      e(
        'credit_card',
        `${discover.slice(0, 4)}-${discover.slice(4, 8)}-${discover.slice(8, 12)}-${discover.slice(12)}`,
      ),
    ],
  ],
  ['de', `Bitte überweisen Sie auf ${spaced(ibanDe)}.`, [e('iban', spaced(ibanDe))]],
  ['fr', `RIB : ${ibanFr}`, [e('iban', ibanFr)]],
  ['es', `Mi cuenta es ${spaced(ibanEs)}, a nombre de la empresa.`, [e('iban', spaced(ibanEs))]],
  ['en', `Refund to IBAN ${ibanNl} please.`, [e('iban', ibanNl)]],
  ['en', `Payee account ${ibanGb}`, [e('iban', ibanGb)]],
  ['it', `Coordinate bancarie: ${ibanIt}`, [e('iban', ibanIt)]],
  ['en', 'SSN 536-22-4187 for the background check.', [e('ssn', '536-22-4187')]],
  ['en', 'social security no. 219 09 9999 (not sure if the spaces matter)', [e('ssn', '219 09 9999')]],
  ['es', `Mi DNI es ${dni('48302915')}.`, [e('national_id', dni('48302915'))]],
  ['pt', `CPF do titular: ${cpf('529982247')}`, [e('national_id', cpf('529982247'))]],
  ['en', 'UK National Insurance number: QQ 12 34 56 C', [e('national_id', 'QQ 12 34 56 C')]],
  ['en', 'Passport number 533380006, issued in Boston.', [e('passport', '533380006')]],
  ['de', 'Reisepass-Nr.: C01X00T47', [e('passport', 'C01X00T47')]],
  ['en', "Driver's licence: D6101-40706-60905 (California)", [e('driver_license', 'D6101-40706-60905')]],
  ['en', 'DL# S530-4607-1234 issued in Florida', [e('driver_license', 'S530-4607-1234')]],
  ['en', 'Date of birth: 14/03/1987', [e('date_of_birth', '14/03/1987')]],
  ['en', 'I was born on July 22, 1990 in Cork.', [e('date_of_birth', 'July 22, 1990')]],
  ['de', 'geboren am 12.05.1982 in Leipzig', [e('date_of_birth', '12.05.1982')]],
  ['es', 'Fecha de nacimiento: 3 de marzo de 1975', [e('date_of_birth', '3 de marzo de 1975')]],
  ['en', 'DOB 1969-11-30', [e('date_of_birth', '1969-11-30')]],
  ['en', 'Ship it to 742 Evergreen Terrace, Springfield, OR 97403.', [e('address', '742 Evergreen Terrace')]],
  ['en', 'Our office moved to 18 Wharf Road, London N1 7RW.', [e('address', '18 Wharf Road')]],
  ['de', 'Lieferadresse: Lindenstraße 42, 10969 Berlin', [e('address', 'Lindenstraße 42')]],
  ['fr', 'Adresse : 27 rue des Lilas, 75019 Paris', [e('address', '27 rue des Lilas')]],
  ['en', 'Login from 203.0.113.77 was blocked.', [e('ip_address', '203.0.113.77')]],
  ['en', 'client ip 2001:db8:85a3::8a2e:370:7334 flagged', [e('ip_address', '2001:db8:85a3::8a2e:370:7334')]],
  ['en', 'AWS_ACCESS_KEY_ID=AKIAZ7QW3RTY5UIOPL2K', [e('secret', 'AKIAZ7QW3RTY5UIOPL2K')]],
  [
    'en',
    'here is my github token ghp_R8s2kLm9Qx4Zt7Vb1Nc6Hy3Jw5Pd0Fg2Ae8U, can you check the repo?',
    [e('secret', 'ghp_R8s2kLm9Qx4Zt7Vb1Nc6Hy3Jw5Pd0Fg2Ae8U')],
  ],
  ['en', 'stripe key sk_live_51HqLyjWDarjtT1zdp7dcXGmA2b3', [e('secret', 'sk_live_51HqLyjWDarjtT1zdp7dcXGmA2b3')]],
  ['en', 'api_key: "x9Gf2Lq8Zr4Tb7Wm1Ns5Vc3Kp6Hd0Jy"', [e('secret', 'x9Gf2Lq8Zr4Tb7Wm1Ns5Vc3Kp6Hd0Jy')]],
  [
    'en',
    'Slack webhook token xoxb-2048-1357924680-AbCdEfGhIjKlMnOpQrStUvWx',
    [e('secret', 'xoxb-2048-1357924680-AbCdEfGhIjKlMnOpQrStUvWx')],
  ],
  [
    'en',
    'Contact Priya Raghunathan at priya.r@helix-labs.io or +1 212 555 0187.',
    [e('name', 'Priya Raghunathan'), e('email', 'priya.r@helix-labs.io'), e('phone', '+1 212 555 0187')],
  ],
  [
    'en',
    'Name: Mateusz Kowalczyk\nDOB: 02/09/1994\nEmail: m.kowalczyk@onet.pl',
    [e('name', 'Mateusz Kowalczyk'), e('date_of_birth', '02/09/1994'), e('email', 'm.kowalczyk@onet.pl')],
  ],
  [
    'de',
    `Kunde: Annelie Brandstätter, Tel. +49 89 12345678, IBAN ${ibanDe}`,
    [e('name', 'Annelie Brandstätter'), e('phone', '+49 89 12345678'), e('iban', ibanDe)],
  ],
  [
    'en',
    '{"user":"Kwabena Owusu","email":"kowusu@mailbox.org","ip":"198.51.100.23"}',
    [e('name', 'Kwabena Owusu'), e('email', 'kowusu@mailbox.org'), e('ip_address', '198.51.100.23')],
  ],
  [
    'fr',
    `Titulaire : Aurélien Dubois-Marchand — ${ibanFr}`,
    [e('name', 'Aurélien Dubois-Marchand'), e('iban', ibanFr)],
  ],
  ['en', 'Emergency contact: Hemi Walker (brother), 021 555 0199', [e('name', 'Hemi Walker')]],
  [
    'hi-latn',
    'Mera naam Ananya Chatterjee hai aur mera number +91 99887 66554 hai.',
    [e('name', 'Ananya Chatterjee'), e('phone', '+91 99887 66554')],
  ],
  ['zh', '我的邮箱是 wang.lei88@qq.com，请发票给我。', [e('email', 'wang.lei88@qq.com')]],
  ['en', 'Ticket from user zoe.nakamura@icloud.com: app crashes on launch.', [e('email', 'zoe.nakamura@icloud.com')]],
];

const LOOKALIKES: Row[] = [
  ['en', 'Your order #4532-0151-1283-0366 has shipped.', []],
  ['en', 'Order 100045873 will arrive Thursday.', []],
  ['en', 'Invoice INV-2024-000381 is now overdue.', []],
  ['en', 'Upgrade to version 4.12.3 before 2.0.0-beta.7 is retired.', []],
  ['en', 'Released v10.4.2 (build 20240311.4).', []],
  ['en', 'The job started at 2024-03-14T09:26:53Z and took 41 s.', []],
  ['en', 'epoch 1710408413 corresponds to the deploy', []],
  ['en', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it', []],
  ['en', 'md5: d41d8cd98f00b204e9800998ecf8427e', []],
  ['en', 'ISBN 978-0-306-40615-7 is the second edition.', []],
  ['en', 'ISBN-10: 0-306-40615-2', []],
  ['en', 'request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301', []],
  ['en', 'Tracking: 1Z999AA10123456784 (UPS)', []],
  ['en', 'We sold 1,234,567 units at $19.99 each.', []],
  ['en', 'The meeting is on 12/05/2024 at 10:30.', []],
  ['en', 'Deadline: March 3, 2025.', []],
  ['en', 'Coordinates 48.8584, 2.2945 point to the tower.', []],
  ['en', 'The service listens on 127.0.0.1:8080 and 0.0.0.0:443.', []],
  ['en', 'Read "The Old Man And The Sea" for next week.', []],
  ['en', 'Model XPS-15-9530 with SKU 210-BGRX ships in May.', []],
  ['en', 'Set API_KEY=<your-key-here> in the .env file.', []],
  ['en', 'Error code 0x80070005 means access denied.', []],
  ['en', 'Part number 5425-2334-3010-9903 is out of stock.', []],
  ['en', 'Room 221B, floor 3, desk 14.', []],
  ['de', 'Bestellnummer 4711-0815-2024 wurde storniert.', []],
  ['fr', 'Commande n° 20240315-7781 expédiée.', []],
  ['es', 'Versión 3.2.1 disponible desde el 15/01/2024.', []],
  ['en', 'Sprint 42 ends on Friday; story points: 34.', []],
  ['en', 'Use port 5432 for PostgreSQL and 6379 for Redis.', []],
  ['en', 'Flight BA 0117 departs gate 22 at 18:45.', []],
  ['en', 'Population of Tokyo: 13,960,000 (2021).', []],
  ['en', 'The checksum sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae matches.', []],
  ['en', 'Dial extension 4021 for reception.', []],
  ['en', 'The Grand Budapest Hotel won four Oscars.', []],
  ['en', 'Temperature was 21.5 °C at 14:00 on 2023-07-01.', []],
  ['en', 'CVE-2021-44228 affects log4j 2.0-2.14.1.', []],
  ['en', 'Serial no. SN-88213-XK-0042 registered.', []],
  ['en', 'Docker image sha: a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4', []],
  ['en', 'Table 3.14.15 shows results for cohort 1987.', []],
];

writeHandwrittenPiiSplit('v2', WITH_PII, LOOKALIKES);
