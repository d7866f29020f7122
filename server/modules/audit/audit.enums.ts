import { registerEnumType } from 'type-graphql';
import { AuditAction, AuditTarget } from './audit-action';

registerEnumType(AuditAction, { name: 'AuditAction', description: 'What an audit entry records' });
registerEnumType(AuditTarget, { name: 'AuditTarget', description: 'What an audit entry is about' });

export { AuditAction, AuditTarget };
