export * from './types';
export { evaluate, membersOn, concludeMeeting, concludeSilence, conclude, type Evaluation, type EvaluationContext, type IgnoredReason, type Conclusion } from './engine';
export {
  checkObjection, checkAmendment, checkStatement, checkRoomObjection, checkExtension, checkLaunch, checkWithdrawal, checkSubject,
  MINIMUM_SILENCE_LEAD_MS, type ActingParticipant,
} from './acts';
export { effectsOf, type Effect, type EffectType } from './effects';
export {
  nextSymbol, formatSymbol, parseSymbol, checkSymbolPattern, withRevision, withCorrigendum, withAddendum,
  SYMBOL_TOKENS, SUFFIX_KINDS, type SymbolToken, type SuffixKind, type SymbolFields, type ParsedSymbol,
} from './symbols';
export { jobsFor, jobAction, DEFAULT_REMINDER_LEAD_MS, type ScheduledJob } from './schedule';
