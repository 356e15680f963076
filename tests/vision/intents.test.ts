import { detectIntent } from '../../src/vision/index.js';

describe('small talk in staff words', () => {
  it.each([
    ['bedankt, echt handig!', 'thanks'],
    ['dankje, fijne dag', 'thanks'],
    ['cheers, have a good weekend', 'thanks'],
    ['Hi! I’m new here, what is this bot for?', 'about'],
    ['hoe werkt dit eigenlijk, wat moet ik intypen?', 'about'],
    ['how does this bot work under the hood? are you an LLM?', 'about'],
    ['Hello, I don’t speak Dutch very well, can you answer in English?', 'about'],
    ['ik wil graag even met een mens praten, kan dat?', 'human'],
    ['can I talk to a real person instead?', 'human'],
    ['Kan ik hier ook met een echte collega chatten?', 'human'],
    ['wie heeft jou eigenlijk ontwikkeld?', 'about'],
    ['Wat is AI-wijzer? En wie zit erachter?', 'about'],
    ['what model do you run on? just curious', 'about'],
    ['Wat gebeurt er met de gegevens die ik hier typ?', 'about'],
    ['Hoi, ik ben de nieuwe stagiair bij Burgerzaken', 'about'],
    ['ben je er nog?', 'greeting'],
    ['Moi, alles goed bij jullie?', 'greeting'],
    ['dat antwoord klopt echt niet', 'about'],
    ['how do I report that an answer was wrong?', 'about'],
    ['je bent echt handig hoor', 'thanks'],
    ['oeps, verkeerde chat', 'greeting'],
  ])('"%s" is %s', (message, intent) => expect(detectIntent(message)).toBe(intent));

  it.each([
    'hoi! mag ik Otter gebruiken om interviews uit te schrijven',
    'Dankjewel! Mag ik ook ChatGPT gebruiken voor notulen?',
    'bedankt, maar wat zegt de visie over privacy?',
    'Hallo, wie is verantwoordelijk als AI een fout maakt?',
    'thanks. what are the core values?',
    'welk model gebruikt de gemeente voor AI?',
    'wat gebeurt er met de gegevens die ik in ChatGPT typ?',
    'wat is een test met AI?',
    'klopt het dat ChatGPT niet mag?',
    'is het antwoord van de visie op privacy niet te streng?',
  ])('"%s" asks something beside the small talk, so it is searched', (message) =>
    expect(detectIntent(message)).toBeUndefined(),
  );
});
