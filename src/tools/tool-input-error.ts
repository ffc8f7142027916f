// The error a tool handler throws for input the schema could not rule out (an unparsable date, a
// division by zero). The registry reports its message to the model as a tool error.
import { RiptideError } from '../errors/riptide-error.js';

export class ToolInputError extends RiptideError {
  constructor(message: string) {
    super('bad_tool_args', message);
    this.name = 'ToolInputError';
  }
}
