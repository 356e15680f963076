import { createRequire } from 'node:module';

// The official Adaptive Cards library (its browser bundle parses in Node): the cards are read as Teams reads them.
const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
};

/** What the Adaptive Cards 1.5 parser says about a card: unknown elements, invalid values, wrong versions. */
export function adaptiveCardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}
