// Bad requests on the OpenAI surface: a 400 in OpenAI's error shape whose `param` names the field,
// which the OpenAI SDKs surface as BadRequestError.param.
import { ValidationError } from '../errors/riptide-error.js';

/** A ValidationError that also names the OpenAI parameter at fault (e.g. `n`, `messages[2].role`). */
export class OpenAiParamError extends ValidationError {
  readonly param: string;
  constructor(param: string, message: string) {
    super([`body.${param}: ${message}`]);
    this.param = param;
  }
}
