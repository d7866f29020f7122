import type { LocalizedText } from '../shared/localized';

// The words of each notice, in English and French, written when it is sent. Dates are given in
// New York time (where the Committee sits), as the silence procedure's deadline is set there.

const NEW_YORK = 'America/New_York';

export function newYorkTime(at: Date): LocalizedText {
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: NEW_YORK,
    }).format(at);
  return { en: `${format('en-GB')} (New York)`, fr: `${format('fr-FR')} (New York)` };
}

const quoted = (title: LocalizedText): LocalizedText => ({
  en: `“${title.en}”`,
  fr: `« ${title.fr} »`,
});

export const texts = {
  consultationOpened(title: LocalizedText, version: number, closesAt: Date | null): LocalizedText {
    const t = quoted(title);
    const until = closesAt ? newYorkTime(closesAt) : null;
    return {
      en: `Member States are consulted on version ${version} of ${t.en}${until ? ` until ${until.en}` : ''}: their comments appear among the draft’s comments.`,
      fr: `Les États Membres sont consultés sur la version ${version} de ${t.fr}${until ? ` jusqu’au ${until.fr}` : ''} : leurs observations figurent parmi les commentaires du projet.`,
    };
  },
  consultationClosed(title: LocalizedText, version: number): LocalizedText {
    const t = quoted(title);
    return {
      en: `The consultation of Member States on version ${version} of ${t.en} is closed.`,
      fr: `La consultation des États Membres sur la version ${version} de ${t.fr} est close.`,
    };
  },
  silenceStarted(title: LocalizedText, until: Date): LocalizedText {
    const t = quoted(title);
    const u = newYorkTime(until);
    return {
      en: `${t.en} is under the silence procedure until ${u.en}.`,
      fr: `${t.fr} est soumis à la procédure d’approbation tacite jusqu’au ${u.fr}.`,
    };
  },
  silenceBroken(title: LocalizedText, delegation: LocalizedText | null): LocalizedText {
    const t = quoted(title);
    return {
      en: `${delegation?.en ?? 'A delegation'} broke the silence on ${t.en}: it returns to negotiation.`,
      fr: `${delegation?.fr ?? 'Une délégation'} a rompu le silence sur ${t.fr} : le texte revient à la négociation.`,
    };
  },
  silenceAdopted(title: LocalizedText, at: Date): LocalizedText {
    const t = quoted(title);
    const d = newYorkTime(at);
    return {
      en: `${t.en} was adopted under the silence procedure on ${d.en}.`,
      fr: `${t.fr} a été adopté selon la procédure d’approbation tacite le ${d.fr}.`,
    };
  },
  silenceWithdrawn(title: LocalizedText): LocalizedText {
    const t = quoted(title);
    return {
      en: `The silence procedure on ${t.en} was withdrawn.`,
      fr: `La procédure d’approbation tacite sur ${t.fr} a été retirée.`,
    };
  },
  proposalDecided(title: LocalizedText, accepted: boolean, words: string): LocalizedText {
    const t = quoted(title);
    const w = words ? { en: ` (“${words}”)`, fr: ` (« ${words} »)` } : { en: '', fr: '' };
    return accepted
      ? {
          en: `Your delegation’s proposal${w.en} on ${t.en} was accepted.`,
          fr: `La proposition de votre délégation${w.fr} sur ${t.fr} a été acceptée.`,
        }
      : {
          en: `Your delegation’s proposal${w.en} on ${t.en} was rejected.`,
          fr: `La proposition de votre délégation${w.fr} sur ${t.fr} a été rejetée.`,
        };
  },
  reply(author: string, about: LocalizedText): LocalizedText {
    return {
      en: `${author} replied to your comment on ${about.en}.`,
      fr: `${author} a répondu à votre commentaire sur ${about.fr}.`,
    };
  },
  mention(author: string, about: LocalizedText, ofDelegation: boolean): LocalizedText {
    return ofDelegation
      ? {
          en: `${author} mentioned your delegation in a comment on ${about.en}.`,
          fr: `${author} a mentionné votre délégation dans un commentaire sur ${about.fr}.`,
        }
      : {
          en: `${author} mentioned you in a comment on ${about.en}.`,
          fr: `${author} vous a mentionné dans un commentaire sur ${about.fr}.`,
        };
  },
  deadlineSoon(title: LocalizedText, deadline: Date): LocalizedText {
    const t = quoted(title);
    const d = newYorkTime(deadline);
    return {
      en: `${t.en} is due within 48 hours: ${d.en}.`,
      fr: `${t.fr} doit être terminé dans les 48 heures : ${d.fr}.`,
    };
  },
  statusChanged(title: LocalizedText, status: string): LocalizedText {
    const t = quoted(title);
    const s = STATUS[status] ?? { en: status, fr: status };
    return {
      en: `${t.en} is now ${s.en}.`,
      fr: `${t.fr} est maintenant ${s.fr}.`,
    };
  },
  /** What a comment is about, as the notice names it. */
  draftTarget(title: LocalizedText): LocalizedText {
    return quoted(title);
  },
  agendaTarget(item: LocalizedText): LocalizedText {
    return { en: `the agenda item “${item.en}”`, fr: `le point de l’ordre du jour « ${item.fr} »` };
  },
};

const STATUS: Record<string, LocalizedText> = {
  DRAFTING: { en: 'being drafted', fr: 'en rédaction' },
  IN_REVIEW: { en: 'in review', fr: 'en examen' },
  AGREED: { en: 'agreed', fr: 'approuvé' },
  ADOPTED: { en: 'adopted', fr: 'adopté' },
};
