export { createBotEndpoint, type BotEndpoint, type BotEndpointOptions } from './endpoint.js';
