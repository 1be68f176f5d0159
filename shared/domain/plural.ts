/** "1 order", "3 orders": a count with the word that agrees with it (English: one, or many). */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
