import type { MeetingKind } from './meeting-kind';

/** The shapes meeting changes take, whoever asks for them (the GraphQL inputs are such shapes). */
export interface AgendaSubItemData {
  /** Keeps an existing sub-item (and its id). */
  id?: string;
  titleEn: string;
  titleFr: string;
  reference?: string | null;
  /** Drafts it is about; left out, an existing sub-item keeps its own. */
  draftIds?: string[];
}

export interface AgendaItemData {
  titleEn: string;
  titleFr: string;
  reference?: string | null;
  subItems?: AgendaSubItemData[];
  /** Drafts it is about; left out, an existing item keeps its own. */
  draftIds?: string[];
}

export interface NewMeeting {
  date: Date;
  dateIsIndicative?: boolean;
  kind: MeetingKind;
  titleEn: string;
  titleFr: string;
  workingGroupId?: string | null;
  agenda?: AgendaItemData[];
}

export interface MeetingChanges {
  date?: Date;
  dateIsIndicative?: boolean;
  kind?: MeetingKind;
  titleEn?: string;
  titleFr?: string;
}
