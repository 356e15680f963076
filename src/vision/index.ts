/**
 * Vraag het de visie: the one API the bot, the tab's server route and the CLI share.
 * Load once at start-up with loadVision(), then ask(index, question, options) per question.
 */
export { loadVision, readVisionDocuments, defaultContentDir, type VisionIndex, type LoadVisionOptions } from './vision-index.js';
export { askExtractive, sectionLink, type AskOptions, type AskResult } from './ask.js';
export { VisionContentError } from './document.js';
export { detectLanguage } from './language.js';
export { detectIntent, type Intent } from './intents.js';
