// Maps the nodes' custom stream events onto the typed RunEvents the run service streams.
import type { NodeStreamEvent } from './node-context.js';
import type { RunEvent } from './run-service.js';

export function toRunEvent(event: NodeStreamEvent): RunEvent {
  switch (event.type) {
    case 'node':
      return { event: 'node', name: event.name, duration_ms: event.duration_ms };
    case 'token':
      return { event: 'token', text: event.text };
    case 'step':
      return {
        event: 'step',
        step_id: event.step_id,
        index: event.index,
        subtask: event.subtask,
        role: event.role,
        status: event.status,
      };
    case 'composition':
      return { event: 'composition', mode: event.mode, blocked: event.blocked, plan: event.plan };
  }
}
