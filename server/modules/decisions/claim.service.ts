import { isDuplicateKey } from '../../core/duplicate-key';
import { DecisionClaimModel } from './claim.model';

/**
 * Takes the right to decide `key` (e.g. `proposal:<id>`): true for the one caller that got it,
 * false for everyone else, also when they ask at the same moment on several instances.
 */
export async function claimDecision(key: string): Promise<boolean> {
  try {
    await DecisionClaimModel.create({ key });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Gives the right back when the decision could not be carried out, so it can be taken again. */
export async function releaseDecision(key: string): Promise<void> {
  await DecisionClaimModel.deleteOne({ key });
}
