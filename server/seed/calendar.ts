import { MeetingKind } from '../modules/meetings/meeting-kind';

export interface SeedItem {
  en: string;
  fr: string;
  reference?: string;
  subItems?: SeedItem[];
  /** The working group whose draft the item is about (Annex II, August: one draft per area). */
  draftOf?: number;
}

export interface SeedMeeting {
  key: string;
  /** Annex II gives the month only; the day is indicative. */
  date: string;
  kind: MeetingKind;
  title: { en: string; fr: string };
  agenda: SeedItem[];
}

const INVITED_2021 = {
  en: 'with the States joining the Committee in 2021 invited',
  fr: 'en invitant les États qui rejoindront le Comité en 2021',
};

const reviewDraftReportAndResolution: SeedItem[] = [
  {
    en: 'Consider the draft report on the comprehensive review, as appropriate',
    fr: 'Examiner le projet de rapport sur l’examen approfondi, le cas échéant',
    reference: 'par. 4 et 11 d)',
  },
  {
    en: 'Draft the resolution on the extension of the Committee’s mandate',
    fr: 'Rédiger le projet de résolution sur l’extension du mandat du Comité',
  },
];

/** Annex II of the programme of work: meetings and activities, February to December 2020. */
export const CALENDAR: SeedMeeting[] = [
  {
    key: '2020-02-committee',
    date: '2020-02-20T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting: launching the comprehensive review',
      fr: 'Réunion du Comité : lancement de l’examen approfondi',
    },
    agenda: [
      {
        en: 'Consideration of draft letters from the Chair asking international and regional organizations to contribute to the comprehensive review',
        fr: 'Examen des projets de lettres adressées aux organisations internationales et régionales par le Président dans lesquelles il leur est demandé de contribuer à l’examen approfondi',
        reference: 'par. 6 c) i-iii)',
      },
      {
        en: 'Consideration of a paper on the Committee’s experience since 2016 in engaging with States and civil society, including academia, industry and professional associations',
        fr: 'Examen d’un document sur l’expérience acquise par le Comité depuis 2016 en matière de communication avec les États et la société civile, y compris les milieux universitaires, les entreprises et les associations professionnelles',
        reference: 'par. 6 d) i) à ii)',
      },
      {
        en: 'Consideration of a concept paper setting the agenda and the list of speakers and participants for the June 2020 open consultations with Member States, international organizations and civil society',
        fr: 'Examen d’un document de réflexion établissant un ordre du jour et une liste d’orateurs et de participants pour les consultations ouvertes de juin 2020 avec les États Membres, les organisations internationales et la société civile',
        reference: 'par. 11 c)',
      },
      {
        en: 'Exchange of views on national implementation trends, based on a partial review of the information in the matrices',
        fr: 'Échanges sur les tendances nationales en matière de mise en œuvre sur la base d’un examen partiel des informations fournies dans les tableaux',
      },
      {
        en: 'Meetings with the coordinators of the five United Nations regional groups to brief them on the comprehensive review and the open consultations',
        fr: 'Organisation de réunions avec les coordonnateurs des cinq groupes régionaux de l’Organisation des Nations Unies afin de leur communiquer des informations au sujet de l’examen approfondi et des consultations ouvertes',
        reference: 'par. 4, 6 c) iii), 8 et 9',
      },
      {
        en: 'Notification of the date of the June 2020 open consultations with Member States, international and regional organizations and civil society, and invitations to speakers as needed',
        fr: 'Envoi d’une notification pour informer de la date de tenue des consultations ouvertes de juin 2020 avec les États Membres, ainsi qu’avec les organisations internationales et régionales et la société civile, le cas échéant, et envoi d’invitations aux intervenants, s’il y a lieu',
        reference: 'par. 11 c)',
      },
    ],
  },
  {
    key: '2020-03-briefing',
    date: '2020-03-05T15:00:00Z',
    kind: MeetingKind.BRIEFING,
    title: {
      en: 'Chair’s briefing to the Security Council',
      fr: 'Exposé du président au Conseil de sécurité',
    },
    agenda: [
      {
        en: 'Briefing by the Chair to the Security Council and press statement on the comprehensive review',
        fr: 'Exposé du président au Conseil de sécurité et déclaration à la presse au sujet de l’examen approfondi',
      },
    ],
  },
  {
    key: '2020-03-committee',
    date: '2020-03-12T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting: matrices, website and report format',
      fr: 'Réunion du Comité : tableaux, site Web et format du rapport',
    },
    agenda: [
      {
        en: 'Transmission of the updated matrices to Member States for comments by 29 May 2020',
        fr: 'Envoi des tableaux mis à jour aux États Membres pour observations d’ici le 29 mai 2020',
        reference: 'par. 4',
      },
      {
        en: 'Consideration of a paper assessing the use of the website to date, including trends in consultation and language accessibility',
        fr: 'Examen d’un document évaluant l’utilisation du site web à ce jour, y compris un examen des tendances en matière de consultation du site et d’accessibilité linguistique',
        reference: 'par. 6 d) ii)',
      },
      {
        en: 'Invitations to the June 2020 open consultations for Member States, international organizations and civil society',
        fr: 'Envoi d’invitations aux consultations ouvertes de juin 2020 à l’intention des États Membres, des organisations internationales et de la société civile',
        reference: 'par. 11 c)',
      },
      {
        en: 'Choice of the format of the final report on the 2021 comprehensive review',
        fr: 'Choix du format du rapport final sur l’examen approfondi de 2021',
        reference: 'par. 10',
      },
      {
        en: 'Letters in support of the Committee’s ongoing activities in the following areas',
        fr: 'Envoi de lettres aux fins de l’appui aux activités courantes du Comité dans les domaines énumérés ci-après',
        subItems: [
          {
            en: 'National implementation: 1) to States that have not yet reported; 2) requesting additional information; 3) requesting points of contact; 4) requesting updated contact details of points of contact',
            fr: 'Mise en œuvre nationale : 1) adressées aux États qui n’ont pas encore présenté de rapport ; 2) demandant des informations supplémentaires ; 3) demandant d’indiquer qui sont les points de contact ; 4) demandant une mise à jour des coordonnées des points de contact',
          },
          {
            en: 'Assistance: 1) to States requesting assistance; 2) to States that regularly provide assistance; 3) to States that could offer assistance',
            fr: 'Assistance : 1) adressées aux États qui demandent une assistance ; 2) aux États qui fournissent régulièrement une assistance ; 3) aux États qui pourraient offrir une assistance',
          },
          {
            en: 'International cooperation: 1) requesting points of contact; 2) requesting updated contact details of points of contact',
            fr: 'Coopération internationale : 1) demandant d’indiquer qui sont les points de contact ; 2) demandant une mise à jour des coordonnées des points de contact',
          },
        ],
      },
    ],
  },
  {
    key: '2020-03-outreach',
    date: '2020-03-26T15:00:00Z',
    kind: MeetingKind.OUTREACH,
    title: {
      en: 'Back-to-back meetings with industry, academia and NGOs',
      fr: 'Réunions consécutives avec les entreprises, le milieu universitaire et les ONG',
    },
    agenda: [
      {
        en: 'Back-to-back meetings with industry, academia and non-governmental organizations',
        fr: 'Organisation de réunions consécutives avec les entreprises, le milieu universitaire et les organisations non gouvernementales',
      },
    ],
  },
  {
    key: '2020-04-committee',
    date: '2020-04-16T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting on the comprehensive review',
      fr: 'Réunion du Comité sur l’examen approfondi',
    },
    agenda: [
      {
        en: 'Committee meeting on activities related to the comprehensive review',
        fr: 'Organisation d’une réunion du Comité sur les activités liées à l’examen approfondi',
      },
    ],
  },
  {
    key: '2020-04-informal-experts',
    date: '2020-04-23T15:00:00Z',
    kind: MeetingKind.INFORMAL_EXPERTS,
    title: { en: 'Informal meeting of experts', fr: 'Réunion informelle d’experts' },
    agenda: [
      {
        en: 'Informal meeting of experts on the Committee’s work, with briefings by the Group of Experts, the Office for Disarmament Affairs and the Security Council Affairs Division',
        fr: 'Organisation d’une réunion informelle d’experts sur le travail du Comité comprenant des exposés du Groupe d’experts, du Bureau des affaires de désarmement et de la Division des affaires du Conseil de sécurité',
      },
    ],
  },
  {
    key: '2020-05-npt',
    date: '2020-05-07T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting on the margins of the NPT Review Conference',
      fr: 'Réunion du Comité en marge de la Conférence d’examen du TNP',
    },
    agenda: [
      {
        en: 'Committee meeting on the nuclear-related provisions of resolution 1540 (2004) on the margins of the Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons',
        fr: 'Organisation d’une réunion du Comité sur les dispositions de la résolution 1540 (2004) relatives au nucléaire en marge de la Conférence des Parties chargée d’examiner le Traité sur la non-prolifération des armes nucléaires',
      },
    ],
  },
  {
    key: '2020-05-joint-briefing',
    date: '2020-05-14T15:00:00Z',
    kind: MeetingKind.BRIEFING,
    title: {
      en: 'Joint briefing of the 1540, 1267 and 1373 Committee chairs',
      fr: 'Exposé conjoint des présidences des Comités 1540, 1267 et 1373',
    },
    agenda: [
      {
        en: 'Briefings to the Security Council by the chairs of the 1540 Committee, the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee and the 1373 Counter-Terrorism Committee',
        fr: 'Réunions d’information des présidences du Comité du Conseil de sécurité créé par la résolution 1540 (2004), du Comité faisant suite aux résolutions 1267 (1999), 1989 (2011) et 2253 (2015) concernant l’État islamique d’Iraq et du Levant (Daech), Al-Qaida et les personnes, groupes, entreprises et entités qui leur sont associés, et du Comité créé par la résolution 1373 (2001) concernant la lutte antiterroriste, à l’intention du Conseil de sécurité',
      },
    ],
  },
  {
    key: '2020-06-committee',
    date: '2020-06-11T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting: approving the matrices',
      fr: 'Réunion du Comité : approbation des tableaux',
    },
    agenda: [
      {
        en: 'Consideration of any revisions of the matrices arising from consultations with the Member States concerned',
        fr: 'Examen de toute révision des tableaux découlant des consultations avec les États Membres concernés',
        reference: 'par. 4',
      },
      {
        en: 'Publication of all approved matrices on the Committee’s website',
        fr: 'Publication de tous les tableaux approuvés sur le site Web du Comité',
      },
    ],
  },
  {
    key: '2020-06-open-consultations',
    date: '2020-06-24T15:00:00Z',
    kind: MeetingKind.OPEN_CONSULTATION,
    title: {
      en: 'Open consultations on the comprehensive review',
      fr: 'Consultations ouvertes sur l’examen approfondi',
    },
    agenda: [
      {
        en: 'Open consultations with Member States and, as appropriate, international organizations and civil society to review progress towards full and effective implementation of resolution 1540 (2004)',
        fr: 'Organisation de consultations ouvertes avec les États Membres, ainsi qu’avec les organisations internationales et la société civile, le cas échéant, afin d’examiner les progrès accomplis en vue de la mise en œuvre intégrale et effective de la résolution 1540 (2004)',
      },
    ],
  },
  {
    key: '2020-07-committee',
    date: '2020-07-16T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meetings on the outcome of the open consultations',
      fr: 'Réunions du Comité sur les résultats des consultations ouvertes',
    },
    agenda: [
      {
        en: 'Committee meetings to consider and review the outcome of the open consultations within the comprehensive review, with capital-based representatives as appropriate',
        fr: 'Organisation de réunions du Comité pour examiner et passer en revue les résultats des consultations ouvertes dans le cadre de l’examen approfondi, avec la participation des représentants des capitales, le cas échéant',
      },
    ],
  },
  {
    key: '2020-08-retreat',
    date: '2020-08-06T15:00:00Z',
    kind: MeetingKind.RETREAT,
    title: { en: 'Retreat-style seminar', fr: 'Séminaire-retraite' },
    agenda: [
      {
        en: 'Retreat-style discussions on',
        fr: 'Organisation de discussions, sous forme de séminaire-retraite, sur',
        subItems: [
          { en: 'The provisional revision of the matrix', fr: 'La révision provisoire du tableau' },
          {
            en: 'Ways to strengthen the Committee’s role in facilitating matchmaking',
            fr: 'Les moyens de renforcer le rôle du Comité pour ce qui est de faciliter la mise en correspondance',
          },
          {
            en: 'The Committee’s cooperation with international and regional organizations',
            fr: 'La coopération du Comité avec les organisations internationales et régionales',
          },
          {
            en: 'Outreach and transparency efforts, and recommendations on possible improvements',
            fr: 'Les efforts de sensibilisation et de transparence et les recommandations touchant aux possibilités d’amélioration',
          },
        ],
      },
    ],
  },
  {
    key: '2020-08-committee',
    date: '2020-08-20T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting: final matrix and draft conclusions',
      fr: 'Réunion du Comité : tableau final et projets de conclusions',
    },
    agenda: [
      {
        en: 'Committee meeting on the final revision, format and presentation of the information in the matrix',
        fr: 'Organisation d’une réunion du Comité pour débattre de la révision finale, du format et de la présentation des informations du tableau',
      },
      {
        en: 'Draft conclusions and recommendations on',
        fr: 'Projet de conclusions et de recommandations sur',
        subItems: [
          {
            en: 'National implementation',
            fr: 'La mise en œuvre au niveau national',
            draftOf: 1,
          },
          {
            en: 'Assistance, including improvements to expedite assistance to Member States',
            fr: 'L’assistance, y compris les améliorations visant à accélérer l’assistance fournie aux États Membres',
            draftOf: 2,
          },
          { en: 'International cooperation', fr: 'La coopération internationale', draftOf: 3 },
          {
            en: 'Outreach and transparency',
            fr: 'Les activités de sensibilisation et la transparence',
            draftOf: 4,
          },
        ],
      },
    ],
  },
  {
    key: '2020-10-open-consultations',
    date: '2020-10-08T15:00:00Z',
    kind: MeetingKind.OPEN_CONSULTATION,
    title: {
      en: 'Open consultations on the revised matrix and draft conclusions',
      fr: 'Consultations ouvertes sur le tableau révisé et les projets de conclusions',
    },
    agenda: [
      {
        en: 'Open consultations with Member States on the revision of the matrix, the draft conclusions and possible recommendations',
        fr: 'Organisation de consultations ouvertes avec les États Membres pour débattre de la révision du tableau et du projet de conclusions, ainsi que des recommandations éventuelles',
      },
    ],
  },
  {
    key: '2020-10-committee',
    date: '2020-10-22T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: `Committee meetings, ${INVITED_2021.en}`,
      fr: `Réunions du Comité, ${INVITED_2021.fr}`,
    },
    agenda: [
      {
        en: `Committee meetings, ${INVITED_2021.en}, to`,
        fr: `Organisation de réunions du Comité, ${INVITED_2021.fr}, à`,
        subItems: reviewDraftReportAndResolution,
      },
    ],
  },
  {
    key: '2020-11-committee',
    date: '2020-11-19T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: `Committee meetings, ${INVITED_2021.en}`,
      fr: `Réunions du Comité, ${INVITED_2021.fr}`,
    },
    agenda: [
      {
        en: `Committee meetings, ${INVITED_2021.en}, to`,
        fr: `Organisation de réunions du Comité, ${INVITED_2021.fr}, à`,
        subItems: reviewDraftReportAndResolution,
      },
    ],
  },
  {
    key: '2020-12-committee',
    date: '2020-12-10T15:00:00Z',
    kind: MeetingKind.COMMITTEE,
    title: {
      en: 'Committee meeting: adoption of the comprehensive review report',
      fr: 'Réunion du Comité : adoption du rapport sur l’examen approfondi',
    },
    agenda: [
      {
        en: `Committee meeting, ${INVITED_2021.en}, to`,
        fr: `Organisation d’une réunion du Comité, ${INVITED_2021.fr}, à`,
        subItems: [
          {
            en: 'Consider and adopt the final report on the comprehensive review for submission to the Security Council',
            fr: 'Examiner et adopter le rapport final sur l’examen approfondi devant être soumis au Conseil de sécurité',
            reference: 'par. 4',
          },
          {
            en: 'Consider the draft resolution on the extension of the Committee’s mandate',
            fr: 'Examiner le projet de résolution sur l’extension du mandat du Comité',
          },
          {
            en: 'Present the report on the comprehensive review to the Security Council and issue a press release on its outcome',
            fr: 'Présenter le rapport sur l’examen approfondi au Conseil de sécurité et faire un communiqué de presse sur les résultats de l’examen approfondi',
            reference: 'par. 11 e)',
          },
        ],
      },
    ],
  },
];
