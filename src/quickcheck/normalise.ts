/** "ChatGPT-4o  (gratis)" -> "chatgpt 4o gratis": case, diacritics and punctuation do not matter when staff name a tool. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "chat gpt" and "chatgpt" name the same tool: the normalised form without spaces. */
export function compact(text: string): string {
  return normalise(text).replace(/ /g, '');
}
