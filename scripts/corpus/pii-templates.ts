// Sentence frames for the PII corpus, per entity type and language, in the registers PII turns up
// in: chat messages, forms, emails, support tickets, logs, JSON. `{v}` is the value; frames with
// several entities name them `{name}`, `{dob}`, `{address}`, `{phone}`, `{email}`.

export interface Frame {
  lang: string;
  text: string;
}

const f = (lang: string, ...texts: string[]): Frame[] => texts.map((text) => ({ lang, text }));

export const FRAMES: Record<string, Frame[]> = {
  email: [
    ...f(
      'en',
      'You can reach me at {v} any time.',
      'Contact: {v}',
      'Please cc {v} on the thread.',
      '{"user": {"email": "{v}"}}',
      'login failed for user {v} from the web client',
    ),
    ...f('de', 'Schreib mir an {v}, danke!', 'E-Mail-Adresse: {v}'),
    ...f('es', 'Mi correo es {v}.', 'Envíalo a {v} antes del viernes.'),
    ...f('fr', 'Mon adresse e-mail est {v}.'),
  ],
  phone: [
    ...f(
      'en',
      'Call me on {v} after six.',
      'Mobile: {v}',
      'If the driver is late, ring {v}.',
      'phone={v}',
      'My number changed, it is now {v}.',
    ),
    ...f('de', 'Meine Handynummer ist {v}.', 'Telefon: {v}'),
    ...f('es', 'Llámame al {v}.', 'Mi móvil es el {v}.'),
    ...f('fr', 'Vous pouvez me joindre au {v}.'),
    ...f('it', 'Il mio cellulare è {v}.'),
    ...f('pt', 'Meu telefone é {v}.'),
    ...f('hi-latn', 'Mera phone number {v} hai, call kar lena.'),
  ],
  credit_card: [
    ...f(
      'en',
      'Charge it to my card {v}, expiry 09/27.',
      'Card number: {v}',
      'I paid with {v} but the order failed.',
      '{"payment": {"card": "{v}", "cvc": "***"}}',
    ),
    ...f('de', 'Meine Kreditkartennummer lautet {v}.'),
    ...f('es', 'Pagué con la tarjeta {v}.'),
    ...f('fr', 'Le numéro de ma carte est {v}.'),
  ],
  iban: [
    ...f(
      'en',
      'Please transfer the deposit to IBAN {v}.',
      'Bank details: {v}',
      'Refund to {v}, account holder as on file.',
    ),
    ...f('de', 'Bitte überweise den Betrag auf {v}.', 'IBAN: {v}'),
    ...f('es', 'Mi cuenta es {v}.'),
    ...f('fr', 'Voici mon IBAN : {v}'),
    ...f('it', 'Il mio IBAN è {v}.'),
  ],
  ssn: [...f('en', 'My SSN is {v}.', 'Social Security Number: {v}', 'Employee record: SSN {v}, start date in May.')],
  national_id: [
    ...f('es', 'Mi DNI es {dni}.', 'NIE: {nie}', 'Adjunto copia del documento {dni}.'),
    ...f('pt', 'Meu CPF é {cpf}.', 'CPF do titular: {cpf}'),
    ...f('fr', 'Numéro de sécurité sociale : {nir}'),
    ...f('hi-latn', 'Mera Aadhaar number {aadhaar} hai.'),
    ...f('en', 'Aadhaar: {aadhaar}', 'National Insurance number {nino}', 'NI number: {nino}', 'My SIN is {sin}.'),
    ...f('zh', '我的身份证号码是{cn}。', '身份证：{cn}'),
    ...f('nl', 'Mijn BSN is {bsn}.', 'BSN: {bsn}'),
  ],
  passport: [
    ...f(
      'en',
      'Passport number: {v}',
      'My passport no. is {v}, expiring 2031.',
      'Traveller passport {v} (issued in Lyon).',
    ),
    ...f('de', 'Reisepassnummer: {v}'),
    ...f('es', 'Número de pasaporte: {v}'),
    ...f('fr', 'Mon numéro de passeport est {v}.'),
  ],
  driver_license: [
    ...f('en', "Driver's license: {v}", 'My driving licence number is {v}.', 'DL {v}, class B.'),
    ...f('en', 'Licence on file: {uk}'),
    ...f('de', 'Führerscheinnummer: {v}'),
    ...f('es', 'Licencia de conducir {v}.'),
  ],
  date_of_birth: [
    ...f(
      'en',
      'I was born on {dmy}.',
      'DOB: {iso}',
      'Date of birth: {mdy}',
      'Patient born {dmy_words}, admitted today.',
      'birthday {dmy_words} — please update my profile',
    ),
    ...f('de', 'Geboren am {dmy_dot} in Hamburg.', 'Geburtsdatum: {dmy_dot}'),
    ...f('es', 'Nací el {es_words}.', 'Fecha de nacimiento: {dmy}'),
    ...f('fr', 'Je suis née le {fr_words}.', 'Date de naissance : {dmy}'),
    ...f('it', 'Data di nascita: {dmy}'),
    ...f('pt', 'Data de nascimento: {dmy}'),
  ],
  name: [
    ...f(
      'en',
      'Hi, my name is {v} and I need help with my order.',
      'Name: {v}',
      'Dear Ms. {last}, thank you for your letter.',
      'Kind regards,\n{v}',
      'Patient {v} was seen on Tuesday.',
      'Please ask {v} to call back.',
      'Mr. {last} will join the call.',
    ),
    ...f('de', 'Ich heiße {v} und wohne in Köln.', 'Sehr geehrte Frau {last},'),
    ...f('es', 'Me llamo {v}.', 'Hola, mi nombre es {v}.'),
    ...f('fr', "Je m'appelle {v}.", 'Bonjour M. {last},'),
    ...f('it', 'Mi chiamo {v}.'),
    ...f('pt', 'Meu nome é {v}.'),
    ...f('hi-latn', 'Mera naam {v} hai.'),
  ],
  address: [
    ...f(
      'any',
      'Ship it to {v}, please.',
      'Address: {v}',
      'I moved to {v} last month.',
      '{"shipping_address": "{v}"}',
      'Deliver to: {v}',
    ),
  ],
  ip_address: [
    ...f('en', 'Failed login from {v} at 03:12.', 'The server at {v} is down.', 'client_ip={v}'),
    ...f('de', 'Zugriff von {v} blockiert.'),
  ],
  secret: [
    ...f('en', 'here is my key: {v}', 'export OPENAI_API_KEY={v}', 'token: {v}', 'The API key is {v}, keep it safe.'),
    ...f('de', 'Mein Passwort ist {v}.'),
  ],
  form: [
    ...f(
      'en',
      'Name: {name}\nDate of birth: {dob}\nAddress: {address}\nPhone: {phone}',
      'Hi, I am {name}, born {dob}. Reach me at {email} or {phone}.',
    ),
    ...f('de', 'Name: {name}\nGeburtsdatum: {dob}\nAnschrift: {address}\nE-Mail: {email}'),
    ...f('es', 'Nombre: {name}\nFecha de nacimiento: {dob}\nTeléfono: {phone}'),
  ],
};

/** Look-alikes that must come back unchanged, by family. `{n}` etc. are filled with random digits. */
export const LOOKALIKES: Record<string, string[]> = {
  order_number: [
    'Order {d10} has shipped.',
    'Your order #{d8} is ready for pickup.',
    'Bestellung {d12} wurde versandt.',
    'Pedido nº {d9} confirmado.',
    'order 4{d15} was refunded',
    'Invoice INV-{d4}-{d5} is overdue.',
    'Ticket {d7} closed by support.',
    'Reference: {d16}',
  ],
  version: [
    'Upgrade to version {v3} before Friday.',
    'Running node v{v3} and npm {v3}.',
    'The firmware {v4} fixes the bug.',
    'Build {d8} passed on main.',
  ],
  timestamp: [
    'Logged at {iso_ts}.',
    'epoch {d10} is in seconds',
    'The job ran from 12:30:45 to 13:02:10.',
    'Created 2024-{mm}-{dd}T{hh}:{mi}:00Z',
  ],
  hash: ['commit {hex40}', 'sha256: {hex64}', 'The md5 of the file is {hex32}.', 'git checkout {hex7}'],
  isbn: ['ISBN {isbn13}', 'The book (ISBN-10 {isbn10}) is out of print.'],
  uuid: ['request id {uuid}', 'Session {uuid} expired.'],
  tracking: ['Tracking number 1Z{alnum16}', 'FedEx tracking {d12}', 'Parcel {alnum2}{d9}GB is in transit.'],
  quantity: [
    'We sold 1 000 000 units in {year}.',
    'The budget is $2,{d3},{d3}.00 for {year}.',
    'Population: {d3} {d3} {d3}',
    'Revenue grew to €{d3} {d3} {d3}.',
  ],
  date: [
    'The meeting is on {dmy_words}.',
    'Due date: {iso}.',
    'Das Treffen ist am {dmy_dot}.',
    'La reunión es el {es_words}.',
    'Released on {mdy}.',
    'Born in {year}, the company now employs 300 people.',
  ],
  coordinates: ['The office is at 48.{d4}, 2.{d4}.', 'GPS: -33.{d4}, 151.{d4}'],
  local_address: ['Bind the server to 127.0.0.1:8080.', 'Listen on ::1 port {d4}.', 'Default route 0.0.0.0/0.'],
  title_case: [
    'Customer Service Team will reply within two days.',
    'Thanks For Your Patience',
    'Contact Support For Help',
    'Kind Regards From The Marketing Department',
  ],
  product: [
    'The Apple Watch Series 9 is on sale.',
    'Try the Model 3 Long Range.',
    'Room 404 is on the fourth floor.',
    'Flight LH{d4} departs from gate B{d2}.',
  ],
  code: [
    'Use std::vector<int> in C++.',
    'Set token=placeholder in .env.example',
    'password=<your password here>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell-style placeholder in config text, on purpose.
    'api_key: "${API_KEY}"',
    'Call client.get_user(user_id=42).',
  ],
};
