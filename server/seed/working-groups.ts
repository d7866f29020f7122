import type { MandateTaskRoot } from '../modules/shared/mandate-task.type';

const t = (letter: string, en: string, fr: string): MandateTaskRoot => ({
  letter,
  text: { en, fr },
});

/** The four working groups of the comprehensive review (programme of work, paragraphs 8 to 11). */
export const WORKING_GROUPS = [
  {
    number: 1,
    paragraph: 8,
    title: {
      en: 'Monitoring and national implementation',
      fr: 'Suivi et mise en œuvre au niveau national',
    },
    draftTitle: {
      en: 'Draft conclusions and recommendations on national implementation',
      fr: 'Projet de conclusions et de recommandations sur la mise en œuvre au niveau national',
    },
    mandate: [
      t(
        'a',
        'Report to the Security Council and present the results of the annual review of implementation by the end of December 2020; brief the Council once a year jointly with the 1267 and 1373 Committees.',
        'Rendre compte au Conseil de sécurité et présenter les résultats de l’examen annuel de la mise en œuvre d’ici fin décembre 2020 ; faire rapport une fois par an avec les Comités 1267 et 1373.',
      ),
      t(
        'b',
        'Encourage the nine States that have not yet submitted a first report to do so, through dialogue and information on available assistance; encourage additional information and updates; send notes verbales and meet on the margins of the General Assembly.',
        'Encourager les neuf États qui n’ont pas présenté de premier rapport à le faire, par le dialogue et l’information sur l’aide disponible ; encourager les informations complémentaires ; notes verbales et réunions en marge de l’Assemblée générale.',
      ),
      t(
        'c',
        'Strengthen national points of contact, encourage States to nominate them, and continue regional training for points of contact, focused on reporting and information exchange and adapted to each region.',
        'Renforcer les points de contact nationaux, encourager leur désignation et poursuivre leur formation régionale, axée sur l’établissement de rapports et l’échange d’informations et adaptée à chaque région.',
      ),
      t(
        'd',
        'Finalize the systematic review of the information in the matrices ahead of the comprehensive review.',
        'Finaliser l’examen systématique des informations des tableaux à l’approche de l’examen approfondi.',
      ),
      t(
        'e',
        'Keep taking note of paragraph 14 of resolution 2325 (2016) on effective national control lists.',
        'Continuer de prendre note du paragraphe 14 de la résolution 2325 (2016) sur les listes de contrôle nationales effectives.',
      ),
      t(
        'f',
        'Encourage States to identify and share effective national implementation practices on a voluntary basis, and circulate compilations of good practices regularly.',
        'Encourager les États à recenser et à faire connaître volontairement leurs pratiques nationales efficaces, et diffuser régulièrement des recueils de bonnes pratiques.',
      ),
      t(
        'g',
        'Encourage States to prepare and submit voluntary national implementation action plans setting out their priorities and projects.',
        'Encourager les États à élaborer et à présenter volontairement un plan national de mise en œuvre énonçant leurs priorités et projets.',
      ),
      t(
        'h',
        'Raise awareness of the multilateral treaties that prevent the proliferation of, or eliminate, nuclear, chemical and biological weapons, and promote their universal adoption and full implementation.',
        'Faire mieux connaître les traités multilatéraux visant à empêcher la prolifération des armes nucléaires, chimiques et biologiques ou à les éliminer, et promouvoir leur adoption universelle et leur application intégrale.',
      ),
      t(
        'i',
        'Raise awareness of the international legal instruments whose implementation helps States meet their obligations under resolution 1540 (2004), and promote their universal adoption.',
        'Faire mieux connaître les instruments juridiques internationaux qui aident les États à respecter leurs obligations au titre de la résolution 1540 (2004), et promouvoir leur adoption universelle.',
      ),
      t(
        'j',
        'Take account in its work of the constantly evolving nature of proliferation risks.',
        'Tenir compte dans ses travaux de l’évolution constante des risques de prolifération.',
      ),
    ],
  },
  {
    number: 2,
    paragraph: 9,
    title: { en: 'Assistance', fr: 'Assistance' },
    draftTitle: {
      en: 'Draft conclusions and recommendations on assistance, including improvements to expedite assistance to Member States',
      fr: 'Projet de conclusions et de recommandations sur l’assistance, y compris les améliorations visant à accélérer l’assistance fournie aux États Membres',
    },
    mandate: [
      t(
        'a',
        'Keep an up-to-date list and database of assistance requests and offers from States and international, regional and subregional organizations, and of their matching.',
        'Tenir à jour une liste et une base de données des demandes et offres d’assistance des États et des organisations, et de leur mise en correspondance.',
      ),
      t(
        'b',
        'Review requests, offers and programmes to make matching more effective; encourage use of the assistance request template; help States frame detailed requests linked to their national action plans.',
        'Examiner demandes, offres et programmes pour améliorer la mise en correspondance ; encourager l’utilisation du modèle de demande ; aider les États à formuler des demandes détaillées liées à leurs plans nationaux.',
      ),
      t(
        'c',
        'Take an active part in exchanges between requesting and assisting States during matching, seek implementation information and help them start a dialogue.',
        'Participer activement aux échanges entre États demandeurs et fournisseurs lors de la mise en correspondance, solliciter des informations et aider à engager le dialogue.',
      ),
      t(
        'd',
        'At the invitation of States and within its resources, facilitate assistance through its Group of Experts: workshops, State- or region-specific projects and follow-up visits, possibly funded by the Trust Fund for Global and Regional Disarmament Activities.',
        'À l’invitation des États et dans la limite de ses ressources, faciliter l’assistance par son Groupe d’experts : ateliers, projets propres à un État ou une région, visites de suivi, éventuellement financés par le fonds d’affectation spéciale pour les activités de désarmement.',
      ),
      t(
        'e',
        'Organize and take part, with the Group of Experts, in outreach at international, regional and subregional levels, stressing assistance, peer reviews, simulation exercises and lessons learned.',
        'Organiser avec le Groupe d’experts l’action de sensibilisation internationale, régionale et sous-régionale et y participer, en insistant sur l’assistance, les examens par les pairs, les exercices de simulation et les enseignements tirés.',
      ),
      t(
        'f',
        'Work with States and organizations to develop assistance projects and to frame their assistance offers more effectively.',
        'Collaborer avec les États et les organisations à l’élaboration de projets d’assistance et à la formulation plus efficace de leurs offres.',
      ),
      t(
        'g',
        'Match offers and requests actively and develop regional approaches to assistance needs, including regional assistance conferences.',
        'Mettre activement en correspondance offres et demandes et élaborer des modalités régionales, notamment des conférences régionales sur l’assistance.',
      ),
      t(
        'h',
        'Report at least quarterly on the assistance requests and offers it receives.',
        'Faire le point au moins chaque trimestre sur les demandes et offres d’assistance reçues.',
      ),
      t(
        'i',
        'Remind States receiving assistance that voluntary sharing of their effective practices is welcome.',
        'Rappeler aux États bénéficiaires que la communication volontaire de leurs pratiques exemplaires est appréciée.',
      ),
      t(
        'j',
        'With the consent of the States concerned, circulate compilations of good practices in providing assistance.',
        'Avec l’accord des États concernés, diffuser des recueils de bonnes pratiques relatives à la fourniture d’assistance.',
      ),
    ],
  },
  {
    number: 3,
    paragraph: 10,
    title: {
      en: 'Cooperation with international organizations and other United Nations bodies',
      fr: 'Coopération avec les organisations internationales et d’autres organismes des Nations Unies',
    },
    draftTitle: {
      en: 'Draft conclusions and recommendations on international cooperation',
      fr: 'Projet de conclusions et de recommandations sur la coopération internationale',
    },
    mandate: [
      t(
        'a',
        'Strengthen cooperation with international, regional and subregional organizations and United Nations bodies, with working modalities agreed case by case: operational exchanges, briefings, and better exchange on contact networks, effective practices and assistance.',
        'Renforcer la coopération avec les organisations internationales, régionales et sous-régionales et les organismes des Nations Unies, selon des modalités adaptées au cas par cas : échanges opérationnels, exposés, meilleur échange sur les réseaux de points de contact, les pratiques et l’assistance.',
      ),
      t(
        'b',
        'Consider inviting experts from international organizations and United Nations bodies to its meetings.',
        'Envisager d’inviter à ses réunions des experts des organisations internationales et des organismes des Nations Unies.',
      ),
      t(
        'c',
        'Encourage organizations to designate a point of contact or coordinator for resolution 1540 (2004), and keep that information up to date.',
        'Encourager les organisations à désigner un point de contact ou un coordonnateur pour la résolution 1540 (2004) et tenir ces informations à jour.',
      ),
      t(
        'd',
        'Keep up a dialogue and exchange information with the designated points of contact and coordinators.',
        'Maintenir un dialogue et échanger des informations avec les points de contact et coordonnateurs désignés.',
      ),
      t(
        'e',
        'Hold a meeting with the relevant organizations to share information and experience on facilitating implementation.',
        'Organiser une réunion avec les organisations compétentes pour échanger informations et expériences sur la facilitation de la mise en œuvre.',
      ),
      t(
        'f',
        'Improve coordination in planning specific activities with regional and subregional organizations.',
        'Améliorer la coordination de la planification des activités menées avec les organisations régionales et sous-régionales.',
      ),
      t(
        'g',
        'Organize, where needed, joint country visits with organizations at the invitation of States.',
        'Organiser, si besoin, des visites de pays conjointes avec les organisations, à l’invitation des États.',
      ),
      t(
        'h',
        'Keep taking part in the major events of organizations that bear directly on its programme of work.',
        'Continuer de participer aux grandes manifestations des organisations directement liées à son programme de travail.',
      ),
      t(
        'i',
        'Explore closer cooperation with the counter-terrorism sanctions committees (1267 and 1373): information sharing, coordinated country visits and technical assistance.',
        'Étudier le renforcement de la coopération avec les comités antiterroristes (1267 et 1373) : partage d’informations, visites de pays coordonnées et assistance technique.',
      ),
      t(
        'j',
        'Widen working relations with international non-proliferation mechanisms (nuclear-weapon-free zones, IAEA, OPCW, BWC Implementation Support Unit, Global Health Security Agenda) to share effective practices, identify assistance needs and coordinate country visits with the 1267 and 1373 Committees.',
        'Élargir les relations avec les mécanismes internationaux de non-prolifération (zones exemptes d’armes nucléaires, AIEA, OIAC, Unité d’appui de la Convention sur les armes biologiques, Programme d’action pour la sécurité sanitaire mondiale) pour partager les pratiques, recenser les besoins d’assistance et coordonner les visites avec les Comités 1267 et 1373.',
      ),
    ],
  },
  {
    number: 4,
    paragraph: 11,
    title: {
      en: 'Transparency and media relations',
      fr: 'Transparence et relations avec les médias',
    },
    draftTitle: {
      en: 'Draft conclusions and recommendations on outreach and transparency',
      fr: 'Projet de conclusions et de recommandations sur les activités de sensibilisation et la transparence',
    },
    mandate: [
      t(
        'a',
        'Strengthen regular interaction with all Member States, including open meetings as needed, and keep its website up to date.',
        'Renforcer l’interaction régulière avec tous les États Membres, notamment par des réunions ouvertes à tous, et actualiser régulièrement son site Web.',
      ),
      t(
        'b',
        'Keep its website the main source of information on resolution 1540 (2004): outreach events and workshops, related activities of the 1267 and 1373 Committees and other UN bodies, and frequently asked questions.',
        'Maintenir son site Web comme principale source d’information sur la résolution 1540 (2004) : manifestations et ateliers, activités des Comités 1267 et 1373 et d’autres organismes, questions fréquentes.',
      ),
      t(
        'c',
        'Encourage States to promote dialogue and cooperation with civil society and academia against trafficking in nuclear, chemical and biological weapons, their means of delivery and related materials.',
        'Encourager les États à promouvoir le dialogue et la coopération avec la société civile et le monde universitaire contre le trafic d’armes nucléaires, chimiques et biologiques, de leurs vecteurs et du matériel connexe.',
      ),
      t(
        'd',
        'Encourage States to work with industry and inform it of its obligations under national laws, including through global and regional industry meetings.',
        'Encourager les États à collaborer avec l’industrie et à l’informer de ses obligations légales, notamment par des réunions mondiales et régionales avec l’industrie.',
      ),
      t(
        'e',
        'With the consent of the States concerned, take opportunities to engage directly with industry, academia and civil society.',
        'Avec l’accord des États concernés, saisir les occasions d’interagir directement avec l’industrie, le monde universitaire et la société civile.',
      ),
      t(
        'f',
        'Raise awareness among parliamentarians and other high-level decision makers, for example by supporting Inter-Parliamentary Union activities.',
        'Sensibiliser les parlementaires et autres décideurs de haut niveau, par exemple en appuyant les activités de l’Union interparlementaire.',
      ),
      t(
        'g',
        'Keep States and organizations informed, formally and informally, of its work and of the obligations under resolution 1540 (2004).',
        'Informer les États et les organisations, officiellement et officieusement, de ses travaux et des obligations découlant de la résolution 1540 (2004).',
      ),
    ],
  },
] as const;

/** Paragraph 12: administration and resources, the Committee's own tasks. */
export const ADMINISTRATION_TASKS: MandateTaskRoot[] = [
  t(
    'a',
    'Convene informal meetings of experts to review progress and hear updates from the working group chairs, the Group of Experts and the Office for Disarmament Affairs.',
    'Convoquer des réunions informelles d’experts pour faire le point et recevoir des informations de la présidence des groupes de travail, du Groupe d’experts et du Bureau des affaires de désarmement.',
  ),
  t(
    'b',
    'Continue cooperation with the Office for Disarmament Affairs to strengthen its regional capacity to support implementation.',
    'Poursuivre la coopération avec le Bureau des affaires de désarmement pour renforcer sa capacité régionale d’appui.',
  ),
  t(
    'c',
    'Meet regularly, including in working groups, and with capital-based representatives on high-priority topics where needed.',
    'Se réunir régulièrement, y compris en groupes de travail, et avec des représentants des capitales sur les sujets hautement prioritaires si nécessaire.',
  ),
  t(
    'd',
    'Encourage States and organizations to support its work and programmes.',
    'Encourager les États et les organisations à appuyer ses travaux et ses programmes.',
  ),
  t(
    'e',
    'Mobilize voluntary financial contributions and promote effective use of United Nations funding mechanisms.',
    'Susciter des contributions financières volontaires et promouvoir une utilisation efficace des mécanismes de financement des Nations Unies.',
  ),
  t(
    'f',
    'Look for ways to strengthen support to its work and, within the review, draft a working paper on a more effective use of its Group of Experts.',
    'Examiner les moyens de renforcer l’appui à ses travaux et, dans le cadre de l’examen, rédiger un document de travail sur une utilisation plus efficace du Groupe d’experts.',
  ),
  t(
    'g',
    'Help new non-permanent Council members settle in with documents and briefings, and keep up the network of former members.',
    'Faciliter l’intégration des nouveaux membres non permanents par des documents et des séances d’information, et maintenir le réseau des anciens membres.',
  ),
  t(
    'h',
    'Consider ways to measure results, including technical support to collect, store, analyse and present data and electronic reporting tools.',
    'Réfléchir aux moyens de quantifier les résultats, notamment par un appui technique pour recueillir, stocker, analyser et présenter les données et par des outils électroniques de rapport.',
  ),
];
