// Cuts a text into streaming deltas of a few words each, the way a provider streams, so every
// streamed answer arrives in more than one piece (a single word is cut in two).

const WORDS_PER_DELTA = 3;

export function splitIntoDeltas(text: string): string[] {
  const words = text.match(/\s*\S+/g) ?? [];
  const trailing = text.slice(words.join('').length);
  const deltas: string[] = [];
  for (let index = 0; index < words.length; index += WORDS_PER_DELTA) {
    deltas.push(words.slice(index, index + WORDS_PER_DELTA).join(''));
  }
  if (trailing !== '') deltas.push(trailing);
  if (deltas.length === 1) {
    const characters = [...deltas[0]];
    if (characters.length > 1) {
      const middle = Math.ceil(characters.length / 2);
      return [characters.slice(0, middle).join(''), characters.slice(middle).join('')];
    }
  }
  return deltas;
}
