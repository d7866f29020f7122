import type { Types } from 'mongoose';

/** One section asked for: a version of a group's draft, under a heading (default: the draft's title). */
export interface ReportSectionRequest {
  versionId: Types.ObjectId;
  heading?: string | null;
}

/** A report to compile: its sections in order; titles default to the review report's. */
export interface ReportCompilation {
  titleEn?: string | null;
  titleFr?: string | null;
  sections: ReportSectionRequest[];
}
