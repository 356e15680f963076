import type { MeResponse } from '../../api/admin.js';
import type { Lang } from '../../lang.js';

type Role = MeResponse['roles'][number];

/**
 * What signing in says (src/tab/views/SignIn.tsx outside Teams, src/tab/views/DevIdentity.tsx in local development,
 * "Afmelden" in the header): Dutch and English side by side.
 */
export const authTexts = {
  nl: {
    signInTitle: 'Aanmelden bij AI-wijzer',
    signInWhat:
      'AI-wijzer beantwoordt je vragen over de AI-visie van de gemeente Groningen, doet een snelle check voordat je een AI-tool gebruikt en kijkt of je bestanden in Microsoft 365 klaar zijn voor AI.',
    signInWhy:
      'Meld je aan met je werkaccount van de gemeente. Zo weet AI-wijzer dat je medewerker bent, zie je alleen je eigen checks en scans, en kijkt Datahygiëne alleen in mappen waar jij zelf bij kunt. AI-wijzer bewaart je naam niet: het kent je alleen onder een pseudoniem.',
    signInHow: 'Je gaat naar de aanmeldpagina van Microsoft en komt daarna hier terug. In Teams gaat dit vanzelf.',
    signInButton: 'Aanmelden',
    signingIn: 'Je wordt doorgestuurd naar de aanmeldpagina…',
    signInFailed: 'Aanmelden is niet gelukt of is afgebroken. Probeer het opnieuw.',
    unavailable: 'AI-wijzer kan nu niet bepalen hoe je je aanmeldt. Probeer het later opnieuw.',
    retry: 'Opnieuw proberen',
    signOut: 'Afmelden',
    signingOut: 'Je wordt afgemeld…',
    devTitle: 'Lokale ontwikkeling: geen echte aanmelding',
    devText: (name: string) =>
      `Deze AI-wijzer draait zonder Entra ID. Je werkt als ontwikkelgebruiker "${name}"; iedereen die deze pagina opent, kan elke naam kiezen.`,
    devRoles: (roles: string) => `Rollen: ${roles}.`,
    devNoRoles: 'Geen rollen.',
    devUnknown: 'onbekend (de server antwoordt niet)',
    devChange: 'Andere ontwikkelgebruiker',
    devField: 'Naam van de ontwikkelgebruiker',
    devHint: 'Letters, cijfers en . _ @ - (hoogstens 64). "beheerder" is standaard beheerder (DEV_ADMINS).',
    devApply: 'Toepassen',
    devCancel: 'Annuleren',
    devInvalid: 'Gebruik alleen letters, cijfers en . _ @ - (1 tot 64 tekens).',
    roles: { admin: 'beheerder', teamlead: 'teamleider' } satisfies Record<Role, string>,
  },
  en: {
    signInTitle: 'Sign in to AI-wijzer',
    signInWhat:
      "AI-wijzer answers your questions about the City of Groningen's AI vision, runs a quick check before you use an AI tool and looks at whether your files in Microsoft 365 are ready for AI.",
    signInWhy:
      'Sign in with your work account of the municipality. That way AI-wijzer knows you are staff, you see only your own checks and scans, and Datahygiëne looks only in folders you can open yourself. AI-wijzer does not keep your name: it knows you by a pseudonym only.',
    signInHow: "You go to Microsoft's sign-in page and then come back here. In Teams this happens by itself.",
    signInButton: 'Sign in',
    signingIn: 'Taking you to the sign-in page…',
    signInFailed: 'Signing in did not work or was cancelled. Please try again.',
    unavailable: 'AI-wijzer cannot tell how to sign you in right now. Please try again later.',
    retry: 'Try again',
    signOut: 'Sign out',
    signingOut: 'Signing you out…',
    devTitle: 'Local development: no real sign-in',
    devText: (name: string) =>
      `This AI-wijzer runs without Entra ID. You are working as the development user "${name}"; anyone who opens this page can pick any name.`,
    devRoles: (roles: string) => `Roles: ${roles}.`,
    devNoRoles: 'No roles.',
    devUnknown: 'unknown (the server does not answer)',
    devChange: 'Another development user',
    devField: 'Name of the development user',
    devHint: 'Letters, digits and . _ @ - (at most 64). "beheerder" is an admin by default (DEV_ADMINS).',
    devApply: 'Apply',
    devCancel: 'Cancel',
    devInvalid: 'Use only letters, digits and . _ @ - (1 to 64 characters).',
    roles: { admin: 'admin', teamlead: 'team lead' } satisfies Record<Role, string>,
  },
} satisfies Record<Lang, unknown>;

export type AuthTexts = (typeof authTexts)[Lang];
