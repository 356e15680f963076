import type { Lang } from '../lang.js';
import { fold } from './analysis/fold.js';
import type { Intent } from './types.js';

export type { Intent };

// What a person may take AI-wijzer for: "ben je een mens", "praat ik met een robot", "are you a bot".
const beings =
  '(een |a |an )?(echte? |real )?(mens|persoon|medewerker|robot|bot|chatbot|computer|machine|ai|human|person|real person|llm|language model|taalmodel|ai model|chatgpt)';
const orBeing = `( (of|or) ${beings})?`;
const greetingWords =
  '(hoi|hallo|hey|hee|hi|hello|dag|goede(morgen|middag|navond)|goeiemorgen|goeiemiddag|good (morning|afternoon|evening)|moi|moin|yo)';
const addressee = '( (daar|there|ai-wijzer|ai wijzer|allemaal|hoi|all|everyone))*';
// Whole-message patterns on folded text: a question that merely starts with "hoi" is still searched.
const patterns: [Intent, RegExp][] = [
  ['greeting', new RegExp(`^${greetingWords}${addressee}$`)],
  [
    'thanks',
    /^((ok|oke|okay|top|super|fijn|mooi|prima|great|perfect|cool) )?((heel |erg |hartelijk |hartstikke |super |many |so much )*(bedankt|dank( je| u)?( wel)?|dankjewel|dankuwel|thanks|thank you|thx|thnx|ty|merci|cheers|top|super|fijn)( (a lot|so much|very much|veel|wel))?( (voor (je|jouw|het|uw|de) (antwoord|hulp|uitleg)|for (your|the) (help|answer|explanation)))?)$/,
  ],
  [
    'about',
    /^(wie (ben|bent) (je|jij|u)|wat (ben|bent) (je|jij|u)|wat (kun|kan|kunt) (je|jij|u)( allemaal)?( (voor (mij|me|ons) )?(doen)?)?( allemaal)?|waar(mee)? (kun|kan|kunt) (je|jij|u) (me|mij|ons)( mee)? helpen|(kun|kan|kunt) (je|jij|u) (me|mij|ons) helpen|wat doe (je|jij)|hoe werk (je|jij)|hoe werkt (dit|het|ai-wijzer|ai wijzer|deze bot)( eigenlijk| precies)?|help( me)?|hulp|ik heb hulp nodig|uitleg|wat is ai-wijzer|who are you|what are you|what can you do( for me)?|what can you help( me)? with|can you help me|how does (this|it|ai-wijzer|this bot|the bot|this assistant) work( under the hood| exactly)?|how do you work|what do you do|what is ai-wijzer)$/,
  ],
  // AI Act article 50: asked whether it is a person, it says it is an AI system.
  [
    'about',
    new RegExp(
      `^((ben|bent) (je|jij|u)( zelf)?( ook)?( wel)?( echt)?|praat ik( nu)?( hier)?( wel)? met|is dit|are you|am i (talking|speaking|chatting) (to|with)|is this)( really| actually)? ${beings}${orBeing}$`,
    ),
  ],
  [
    'about',
    /^(wat (kan|kun|mag) ik( allemaal)? (je|jou|u|aan je|aan jou|aan u)( allemaal)? vragen|wat voor vragen (kan|kun|mag) ik( je| jou| u)? stellen|wat doe (je|jij)( eigenlijk| precies| allemaal)?|wie (zit|zitten) er achter (deze bot|jou|dit|ai-wijzer|ai wijzer)|ik (snap|begrijp)( het)? niet hoe (dit|het|jij|je|deze bot) werkt|hoe gebruik ik (dit|jou|je|deze bot|ai-wijzer|ai wijzer)|met wie (praat|chat|spreek) ik( nu)?|what (kind of |sort of )?(questions|things) can i ask( you)?|what can (this bot|this|it|ai-wijzer|you) (do|help with)|wat (kun|kan|kunt) (je|jij|u) niet|wat moet ik (hier )?(intypen|typen|vragen)|(kun|kan|kunt) (je|jij|u)( in het kort| kort)? uitleggen wat (je|jij|u) doet|what is this (bot|assistant|app|thing) for|wat is (deze bot|dit|ai-wijzer|ai wijzer)( eigenlijk)?( voor iets)?|who (made|built|created) (you|this|this assistant|this bot|ai-wijzer)|wie heeft (jou|je|u|dit|deze bot|ai-wijzer)( eigenlijk)? (gemaakt|gebouwd)|do you (store|save|keep|log) (my )?(questions|data|messages|chats)|(sla|bewaar|onthoud) (je|jij|u) (mijn )?(vragen|gegevens|berichten)( op)?|wat doe (je|jij|u) met mijn (vragen|gegevens|berichten)|is (it|this|dit|het) (from|made by|van|gemaakt door) [a-z -]{1,30}|(can|could) you (answer|reply|talk) in (english|dutch)|do you speak (english|dutch)|(kun|kan|kunt|spreek|spreekt) (je|jij|u)( ook)?( in het)? (engels|nederlands)( antwoorden| praten)?|i don t speak dutch( very well)?|i m new here|who (made|built|runs|is behind) (you|this( bot)?|ai-wijzer)|who am i (chatting|talking|speaking) (to|with)|how do i use (this|you|ai-wijzer)|i don t (understand|get) how (this|it|you) works?)$/,
  ],
  [
    'about',
    new RegExp(
      `^ben ik( nu)?( hier)? (met|aan het praten met|aan het chatten met) ${beings}( aan het (praten|chatten))?$`,
    ),
  ],
  // Who made it and what runs it, what becomes of what one types, and a newcomer trying it out.
  [
    'about',
    /^(who (actually |really )?(built|made|created|developed|runs|is behind) (you|this|this bot|ai-wijzer)|wie (heeft|hebben) (jou|je|dit|deze bot|ai-wijzer)( eigenlijk)? (gemaakt|gebouwd|ontwikkeld|bedacht)|wie (zit|zitten) er( eigenlijk)? ?achter( (jou|je|dit|deze bot|ai-wijzer))?|(which|what) (ai |language )?(model|llm) (are you|do you)( (running on|run on|use|using|based on))?|(op )?welk (taal)?model (gebruik|draai|werk) (je|jij)( op| mee)?|wat gebeurt er met (de |die |mijn )?(informatie|info|gegevens|berichten|vragen|tekst|data)( die| dat)? ik( hier)? (invoer|intyp|typ|stuur|deel|schrijf)|i m (the |a )?new (intern|colleague|employee|trainee|starter|here)( (at|in|with|from) [a-z -]{1,40})?|ik ben (de |een )?nieuwe (stagiair|stagiaire|collega|medewerker|trainee)( (bij|van|op) [a-z -]{1,40})?|ik ben( hier)? nieuw( hier)?( (bij|op) [a-z -]{1,40})?|(just )?testing( you)?( out)?|(ik )?(wil )?(je )?(even )?(uit)?(testen|proberen)|test)$/,
  ],
  [
    'greeting',
    /^(ben (je|jij|u) (er )?nog( daar| wakker)?|are you (still )?there|(is )?anyone there|is (daar|er) iemand)$/,
  ],
  // A complaint about an answer: what it is, and that the thumbs under an answer tell the AI team.
  [
    'about',
    /^((je|jij|u) (snapt|begrijpt|weet) (er )?((echt|helemaal|ook|nou|gewoon) )*(niks|niets|geen bal|weinig)( van)?|(you|this bot|the bot) (really )?(don t|do not|doesn t|does not) (understand|get|know) (anything|a thing|much)|(dat|dit|je|jouw|het) (antwoord )?(klopt|was|is) ((echt|helemaal|gewoon|dus) )*(niet|niks|fout|onzin|verkeerd|nutteloos)( hoor)?|(daar|hier) heb ik (echt )?(niks|niets) aan|(that|this) (answer )?(is|was) (wrong|useless|not helpful|incorrect)|wrong answer|fout antwoord|(waar|hoe) (kan|moet) ik (melden|doorgeven|aangeven|laten weten) dat (een|je|jouw|het) antwoord( van (jou|je|u))? (niet klopt|niet klopte|fout was|fout is|onjuist is|onjuist was)|(where|how) (can|do) i (report|flag|tell you) (that )?(an|your|the) answer (was|is) (wrong|incorrect))$/,
  ],
  // A compliment is thanked for; "sorry, verkeerde chat" is greeted.
  [
    'thanks',
    /^(((wat een|what a) )?(handige|slimme|fijne|leuke|goede|nuttige|useful|handy|great|nice|smart|helpful|clever) (bot|tool|assistent|assistant|app)( zeg| hoor| dit| this is)?|(je bent|jij bent|u bent|you re|you are) ((echt|really|super|heel|erg|so) )?(handig|slim|snel|goed|top|geweldig|helpful|great|smart|fast|awesome|amazing)( hoor| zeg)?|(goed|top|knap|nice|great|good) (bezig|gedaan|job|work)( hoor| zeg)?)$/,
  ],
  [
    'greeting',
    /^((sorry|oeps|oops|excuse me|my bad)( \w+)?( (verkeerde|wrong) (chat|persoon|person|gesprek|window|venster|kanaal|channel))?|(verkeerde|wrong) (chat|persoon|person|gesprek|window|venster|kanaal|channel))$/,
  ],
  // What it does with what one types, which languages it speaks, how it works, and what it can and cannot do.
  [
    'about',
    /^(wat doe (je|jij|u)( eigenlijk)? met (de |mijn |je )?(berichten|vragen|gegevens)( die ik( hier)? (typ|stel|stuur))?( als ik( hier)? (iets )?(typ|intyp|vraag|stuur))?|(worden|blijven) (mijn |de |die )?(berichten|vragen|gegevens)?( ergens)? (opgeslagen|bewaard)|(sla|bewaar|onthoud) (je|jij|u) (mijn |de )?(berichten|vragen|gegevens)( ergens)?( op)?|what do you do with (my |the )?(messages|questions|data)|do you (store|save|keep|log|remember) (my )?(messages|questions|data|chats)|are my (messages|questions) (stored|saved|kept)|(what|which) languages? (do|can) you (speak|understand)|welke talen (spreek|ken|begrijp|spreekt|kent) (je|jij|u)|(can|could) you (reply|answer|respond|talk|write) in (english|dutch)( from now on)?|(kun|kan|kunt) (je|jij|u) (voortaan |vanaf nu )?(in het )?(engels|nederlands) (antwoorden|praten|schrijven)|hoe werkt (deze bot|dit|het|ai-wijzer|ai wijzer|deze assistent)( eigenlijk| precies)?|waar haal (je|jij|u) (je|jouw|uw|de) (antwoorden|informatie|kennis) vandaan|where do you get (your|the) (answers|information) from|(are|do) you (using|use|run on|running on|based on) (gpt|chatgpt|an llm|a language model|ai|a model)( under the hood)?|(ben|draai) (je|jij) (op )?(gpt|chatgpt|een taalmodel|een llm)|wat (kun|kan|kunt) (je|jij|u)( allemaal)?( eigenlijk)?( wel en niet| wel of niet| niet)?( voor (mij|me|ons))?( doen)?( allemaal)?( eigenlijk)?|what can('t| not)? you (do|help with)( for me)?|wat gebeurt er met (wat ik( hier)? (typ|intyp|schrijf)|mijn (berichten|vragen|gegevens))|(who|with whom) do you share (my |the |our )?(messages|questions|data|conversations?|conversation logs|logs|chats)( with)?|met wie deel (je|jij|u) (mijn |de )?(berichten|vragen|gegevens|gesprekken)|do you remember( what i (asked|said)( you)?( yesterday| before| earlier)?)?|weet (je|jij) (nog )?wat ik( je)? (gisteren |eerder )?(vroeg|gevraagd heb)|what (exactly |actually )?are you|wat ben (je|jij|u) (precies|eigenlijk)|(kun|kan|kunt) (je|jij|u) (ook |voortaan |vanaf nu )?in het [a-z]+ (antwoorden|praten|schrijven)|(can|could) you (also )?(reply|answer|respond|talk|write) in [a-z]+( from now on)?)$/,
  ],
  [
    'human',
    /^((kun|kan|kunt) (je|jij|u) me (even )?doorverbinden met (een )?(echte? )?(iemand|mens|medewerker|persoon)|(can|could) you (put me through|connect me) to (a )?(real )?(human|person|someone|colleague))$/,
  ],
  // Asked for a person: the AI-system statement and who to turn to.
  [
    'human',
    /^(is (there|er) (a |een )?(real |echte? )?(human|person|mens|persoon|medewerker) (i can|die ik kan) (talk|speak|spreken|bellen)( to| with)?)$/,
  ],
  [
    'human',
    /^((kan|mag) ik( hier)?( ook)?( even)?( met)? (een )?(echte? )?(mens|medewerker|collega|persoon|iemand)( (van|bij|uit) [a-z -]{1,40})?( spreken| praten| bellen| chatten)( (ipv|in plaats van|i p v|instead of) [a-z ]{1,30})?|ik wil( graag)?( even)?( met)? (een )?(echte? )?(mens|medewerker|persoon|iemand)( (van|bij|uit) [a-z -]{1,40})?( spreken| praten)|(can|may|could) i (talk|speak) (to|with) (a )?(real )?(human|person|someone|somebody|real person)( (from|of|at|in) [a-z -]{1,40})?( instead| please)?|i (want|would like|d like) to (talk|speak) (to|with) (a )?(real )?(human|person|someone|somebody|real person)( (from|of|at|in) [a-z -]{1,40})?)$/,
  ],
];

// Thanks and greetings may come with a few words around them ("Dankjewel, dat helpt!", "hoi, hoe gaat het?"): only
// these words, so that a question that starts with "bedankt" but asks something is still searched.
const smallTalk: [Intent, RegExp, Set<string>][] = [
  [
    'thanks',
    /(^| )(bedankt|dank( je| u)?( wel)?|dankje|dankjewel|dankuwel|thanks|thank you|thx|thnx|ty|merci|cheers|doei|tot ziens|tot later|bye|goodbye|see you)( |$)/,
    new Set(
      (
        'dat dit het helpt hielp heeft geholpen was is duidelijk heel erg echt super nuttig fijn top mooi prima goed voor je jouw ' +
        'de hulp uitleg antwoord ok oke okay nou zo wel veel hartelijk hartstikke that this it helps helped helpful very really useful ' +
        'great good for the your help answer explanation a lot so much perfect nice cool awesome clear ai wijzer ai-wijzer ' +
        'handig fijne prettige goede dag week weekend avond succes have day evening doei bye thx thanks dank later ziens'
      ).split(' '),
    ),
  ],
  [
    'greeting',
    new RegExp(`(^| )${greetingWords}( |$)`),
    new Set(
      'daar allemaal ai wijzer ai-wijzer there all everyone team collega s hoe gaat het met jou je how are you doing is it going whats what s up alles goed in de cloud bij jullie'.split(
        ' ',
      ),
    ),
  ],
];

function smallTalkOf(folded: string): Intent | undefined {
  for (const [intent, core, tail] of smallTalk) {
    const match = core.exec(folded);
    if (!match) continue;
    const rest = (folded.slice(0, match.index) + ' ' + folded.slice(match.index + match[0].length)).split(' ');
    if (rest.every((w) => w === '' || tail.has(w))) return intent;
  }
  return undefined;
}

// "kun je in het Engels antwoorden pls": politeness at the end changes nothing.
const politeness = / (pls|please|plz|alsjeblieft|alstublieft|aub|svp|graag)$/;
const foldedClause = (text: string) =>
  fold(text)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(politeness, '');

function intentOf(folded: string): Intent | undefined {
  // "Hoi, wat kun je?" is "wat kun je?": a greeting in front of another intent is that intent.
  // "en wie zit erachter?": a conjunction in front changes nothing.
  const unGreeted = folded
    .replace(new RegExp(`^${greetingWords}${addressee} (?=\\S)`), '')
    .replace(/^(en|and|maar|but|of|or|ok|oke) (?=\S)/, '');
  for (const candidate of unGreeted === folded ? [folded] : [folded, unGreeted])
    for (const [intent, pattern] of patterns) if (pattern.test(candidate)) return intent;
  return smallTalkOf(folded);
}

// "..., kan dat?", "..., right?": a question tag asks nothing of its own.
const questionTags = new Set(['kan dat', 'mag dat', 'klopt dat', 'toch', 'is dat zo', 'right', 'ok', 'oke', 'okay']);
const priority: Intent[] = ['human', 'about', 'thanks', 'greeting'];
const asking =
  /^(mag|mogen|kan|kun|kunt|kunnen|wil|wat|waarom|hoe|welke|wie|wanneer|waar|is|zijn|moet|moeten|may|can|could|what|why|how|which|who|when|where|are|do|does|should|would)( |$)/;

const questionWords = /(^| )(wat|waarom|hoe|welke|wie|wanneer|waar|what|why|how|which|who|when|where)( |$)/;

function shortFollowUp(clause: { text: string }): boolean {
  const text = clause.text.replace(/^((maar|en|of|dus|and|but|so|ok|oke|nou) )+/, '');
  return text.split(' ').length <= 8 && !asking.test(text) && !questionWords.test(text);
}

/** Whether a sentence beside small talk asks something of its own (then the message is searched). */
function asksSomething(clause: { text: string; asks: boolean }): boolean {
  if (questionTags.has(clause.text)) return false;
  return clause.asks || asking.test(clause.text) || clause.text.split(' ').length > 15;
}

/**
 * A conversational message handled without search, or undefined when the message is a question to search. A message
 * of several sentences is small talk when one of them is and the others ask nothing ("Hi! I'm new here, what is this
 * bot for?", "bedankt, echt handig!"); a real question beside it ("Dankjewel! Mag ik ook ChatGPT gebruiken?") is
 * searched.
 */
export function detectIntent(text: string): Intent | undefined {
  const whole = intentOf(foldedClause(text));
  if (whole) return whole;
  const clauses = [...text.matchAll(/([^?!.;,:\n\p{Extended_Pictographic}]+)([?!.;,:\n\p{Extended_Pictographic}]*)/gu)]
    .map(([, clause = '', end = '']) => ({ text: foldedClause(clause), asks: end.includes('?') }))
    .filter((c) => c.text !== '');
  if (clauses.length < 2) return undefined;
  const found: Intent[] = [];
  for (const clause of clauses) {
    const intent = intentOf(clause.text);
    if (intent) found.push(intent);
    else if (asksSomething(clause)) {
      // "what exactly are you? an official tool or a pilot?": a short follow-up that asks nothing of its own.
      if (!shortFollowUp(clause)) return undefined;
      found.push('greeting');
    }
  }
  const intent = priority.find((i) => found.includes(i));
  // A greeting with a question beside it is the question ("Hoi! Chatgpt voor brieven?"): searched.
  return intent === 'greeting' && clauses.some((c) => !intentOf(c.text)) ? undefined : intent;
}

/** AI Act article 50: people must be told that they are dealing with an AI system. */
const aiSystem: Record<Lang, string> = {
  nl: 'Let op: AI-wijzer is een AI-systeem, geen mens (AI-verordening, artikel 50). Mijn antwoorden zijn letterlijke citaten uit de AI-visie van de gemeente Groningen, met het onderdeel erbij.',
  en: 'Please note: AI-wijzer is an AI system, not a person (EU AI Act, Article 50). My answers are verbatim quotes from the AI vision of the municipality of Groningen, with the section they come from.',
};

export function intentAnswer(intent: Intent, lang: Lang, contact: string): string {
  const texts: Record<Intent, Record<Lang, string>> = {
    human: {
      nl: `${aiSystem.nl} Wil je iemand spreken over AI, privacy of de AI-visie? Neem dan contact op met ${contact}.`,
      en: `${aiSystem.en} Would you like to talk to someone about AI, privacy or the AI vision? Please contact ${contact}.`,
    },
    greeting: {
      nl: `Hallo! Ik ben AI-wijzer. Stel me een vraag over de AI-visie van de gemeente, bijvoorbeeld "Mag ik ChatGPT gebruiken voor mijn werk?". ${aiSystem.nl}`,
      en: `Hello! I am AI-wijzer. Ask me a question about the municipality's AI vision, for example "May I use ChatGPT for my work?". ${aiSystem.en}`,
    },
    thanks: {
      nl: 'Graag gedaan! Heb je nog een vraag over de AI-visie, stel hem gerust.',
      en: 'You are welcome! If you have another question about the AI vision, just ask.',
    },
    about: {
      nl: `${aiSystem.nl} Ik beantwoord vragen over de AI-visie en noem altijd het onderdeel waar het antwoord staat. Staat iets niet in de visie, dan zeg ik dat en verwijs ik je naar ${contact}.`,
      en: `${aiSystem.en} I answer questions about the AI vision and always name the section the answer comes from. If something is not in the vision, I say so and refer you to ${contact}.`,
    },
  };
  return texts[intent][lang];
}
