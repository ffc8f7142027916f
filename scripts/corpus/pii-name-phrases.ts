// Hand-written PII round for names that nothing introduces (helper `safety`, issue 18): sentence
// frames where a person's name stands bare ("{name} signed off on it"), names written by hand from
// many cultures (not taken from the detector's name lists, so dev measures what the lists miss), and
// look-alikes full of capitalised words that are not people: places, buildings, products, titles,
// and places named after people. Written after pii/test-v3 was frozen, by its author; split by hash
// like every round.

/** Frames with one bare name; `{name}` is a "Given Surname" pair. */
export const BARE_NAME_FRAMES = [
  '{name} signed off on the budget this morning.',
  'Passed the file to {name} before lunch.',
  'Looping in {name} who owns the billing service.',
  'Per {name}, the shipment leaves on Thursday.',
  '{name} will cover the front desk while I am away.',
  'Owner: {name}',
  'Can you book a table for {name} at seven?',
  'The keys are with {name} at the moment.',
  'Talked to {name} and she agreed to the new dates.',
  'Minutes taken by {name}.',
  'Great work by {name} on the migration!',
  'Waiting on {name} to review the pull request.',
  'Reported by: {name}',
  '{name} (finance) asked for the receipts.',
  'Remind {name} about the dentist appointment.',
  'Photo credit: {name}',
  'I think {name} has the spare charger.',
  'Ticket reassigned from the queue to {name}.',
  'Condolences card for {name} is at reception.',
  'Interview with {name} moved to 3 pm.',
];

/** Frames with a surname-first name, as in address books and mail headers. */
export const SURNAME_FIRST_FRAMES = [
  'cc: {surname}, {given}',
  'To: {surname}, {given}; Team Leads',
  'Attendee list: {surname}, {given}',
];

/** Given name and surname pairs written by hand, from many languages. */
export const BARE_NAMES: [given: string, surname: string][] = [
  ['Aoife', 'Brennan'],
  ['Kofi', 'Mensah'],
  ['Ingeborg', 'Larsen'],
  ['Rashid', 'Karimi'],
  ['Valentina', 'Russo'],
  ['Björn', 'Eriksson'],
  ['Chiamaka', 'Obi'],
  ['Santiago', 'Herrera'],
  ['Oksana', 'Melnyk'],
  ['Tariq', 'Hussain'],
  ['Emeka', 'Nwosu'],
  ['Agnieszka', 'Wójcik'],
  ['Hiroko', 'Sato'],
  ['Declan', 'Murphy'],
  ['Fatou', 'Diallo'],
  ['Mateo', 'Fernández'],
  ['Sunita', 'Iyer'],
  ['Lars', 'Johansson'],
  ['Camille', 'Fournier'],
  ['Zainab', 'Bello'],
  ['Niamh', 'Gallagher'],
  ['Tobias', 'Krüger'],
  ['Leilani', 'Kahale'],
  ['Anders', 'Nilsson'],
  ['Rosalind', 'Pryce'],
  ['Gustavo', 'Ribeiro'],
  ['Noor', 'Haddad'],
  ['Kateřina', 'Dvořák'],
  ['Mehmet', 'Yılmaz'],
  ['Sinéad', 'Kavanagh'],
];

/** Capitalised words that are not a person: places (some named after people), buildings, products, titles. */
export const CAPITALISED_LOOKALIKES = [
  'We changed trains at San Francisco and again at Santa Clara.',
  'The conference is in Victoria this year, near the Inner Harbour.',
  'Lake Louise was frozen when we visited.',
  'The Lincoln Memorial is closed for cleaning on Monday.',
  'Our office is opposite Kings Cross station.',
  'She studied at Trinity College before moving to Boston.',
  'The John Lewis store on Oxford Street has the sofa in stock.',
  'Take exit 12 towards Port Elizabeth.',
  'The Nobel Prize ceremony is held in Stockholm.',
  'The Jackson Hole meeting sets the tone for markets.',
  'We booked the Marriott near Heathrow Terminal 5.',
  'Order the Dyson V15 and the Philips Hue starter kit.',
  'The Tesla Model Y outsold the Toyota Corolla last quarter.',
  'Watch Star Wars before The Empire Strikes Back.',
  'The Golden Gate Bridge was shrouded in fog.',
  'Meet me at the Victoria and Albert Museum cafe.',
  'The Kennedy Space Center has a new visitor complex.',
  'Saint Petersburg is beautiful during the White Nights.',
  'Use the Henderson Road entrance for deliveries.',
  'The Paul Smith shop is on Floral Street.',
  'Hurricane Florence caused flooding in the Carolinas.',
  'The Hubble Space Telescope is still operating.',
  'Parkinson Disease Awareness Week starts on Monday.',
  'The Doppler Effect explains the change in pitch.',
  'Our sprint names this quarter are Everest, Kilimanjaro and Denali.',
  'The Morgan Library has a Gutenberg Bible on display.',
  'Charlotte Douglas airport had long queues this morning.',
  'Fort Worth and Dallas share an airport.',
  'The Hilton Garden Inn is five minutes from the venue.',
];
