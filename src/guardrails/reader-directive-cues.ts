// High-precision cues of injection inside data (tool results, fetched pages, emails): text that
// turns from the person it was written for to the AI reading it and gives that reader an order.
// Only tool outputs are tested: a user who writes "assistant, summarise this" is the person the
// assistant works for, while a web page that writes it is not. Tested on normalised views.

/** Names a machine reader goes by, in the languages of the corpus. */
const AI_READER =
  '(?:ai|a\\.i\\.|llm|language model|chat ?bot|bot|assistant|agent|model|summari[sz]er|copilot|ia|ki|asistente|assistent|assistente|agente|modelo|modèle|modell|ии|ассистент|人工智能|ai助手|助手|アシスタント)';

/** The first words of an order given straight after a vocative. */
const FIRST_ORDER =
  "(?:please |now |first |then )?(?:ignore|disregard|forget|drop|stop|do not|don't|never|always|instead|you must|you should|before you|send|forward|email|delete|remove|run|execute|call|tell|say|reply|respond|write|add|include|recommend|reveal|print|output|list|post|close|cancel|accept|mark|change|transfer|pay|visit|open|click|rate|skip)\\b";

/** A reader named as the one addressed: "note to the assistant", "hey model", "if you are an AI". */
const ADDRESSED = [
  // vocatives and notes addressed to it
  `\\b(?:hey|hi|hello|dear|attention|attn|p\\.?s\\.?)\\s*[,:]?\\s+(?:the |any |all |dear )?(?:[\\w-]+ ){0,2}${AI_READER}s?\\b`,
  `\\b(?:note|message|instructions?|directive|reminder|notice|memo)s?\\s+(?:to|for)\\s+(?:the |any |all |an? )?(?:[\\w-]+ ){0,2}${AI_READER}s?\\b`,
  `\\b${AI_READER}(?:-only| only)\\s+(?:directive|instructions?|note|message)\\b`,
  `\\bthis (?:message|note|text|section|part) is (?:for|meant for|addressed to) (?:the |any |an? )?(?:[\\w-]+ ){0,2}${AI_READER}\\b`,
  // a reader defined by what it does
  `\\b(?:if|when|whenever) (?:you are|you're|an?|the|any) (?:[\\w-]+ ){0,2}${AI_READER}\\b`,
  `\\b(?:any|all|every|the)?\\s*(?:automated|automatic)\\s+(?:readers?|systems?|tools?|summari[sz]ers?|assistants?|agents?)\\b`,
  `\\b${AI_READER}s?\\s+(?:that is |which is |who is )?(?:reading|processing|parsing|fetching|summari[sz]ing|screening|reads|processes|parses|fetches)\\b`,
  `\\bwhoever (?:reads|processes|parses|summari[sz]es|is reading|is processing)\\b`,
  // a vocative at the start of a sentence or field: "bot, before you answer", "ai: drop it" (a
  // colon only after names no transcript uses for a person: "agent:" and "assistant:" label turns)
  `(?:^|[.!?:;"'(\\[|>-]\\s*)(?:[\\w-]+ )?(?:ai|a\\.i\\.|llm|chat ?bot|bot|assistant|model|agent)\\s*,\\s+${FIRST_ORDER}`,
  `(?:^|[.!?;"'(\\[|>-]\\s*)(?:ai|llm|chat ?bot|bot|ai assistant|ai agent)\\s*:\\s+${FIRST_ORDER}`,
  // the same in other languages: "nota para el asistente", "an den ki-assistenten", "致…ai助手"
  '\\b(?:nota|mensaje|instrucciones?) (?:para|al|a la) (?:el |la |los )?(?:asistente|ia|agente|modelo)\\b',
  '\\b(?:ia|asistente|modelo|agente) que (?:lee|lees|procesa|procesas|resume)\\b',
  '\\b(?:hinweis|nachricht|anweisung(?:en)?) (?:an|für) (?:den |die |das )?(?:[\\w-]+ )?(?:ki|assistent\\w*|modell|agent\\w*)\\b',
  '\\ban (?:den|die) (?:[\\w-]+-)?(?:ki|assistent\\w*|modell|agent\\w*)\\b',
  "\\b(?:message|note|consignes?) (?:destiné[e]? à|pour|à) (?:l'|l’|la |le )?(?:agent |assistant |modèle )?(?:ia|ai|assistant|agent|modèle)\\b",
  "\\b(?:l'|l’)?(?:ia|assistant|agent) qui (?:lit|lis|traite)\\b",
  "\\b(?:nota|messaggio) per (?:l’|l')?(?:ia|assistente|agente)\\b",
  '(?:致|给|对)(?:正在)?(?:读取|阅读|处理)?[^。，,]{0,8}(?:ai|人工智能|助手|模型)',
  '(?:aiアシスタント|アシスタント|モデル)(?:へ|に)(?:の)?(?:指示|メッセージ|お願い)',
];

/** An order about the reader's own reply, as injected into emails: "include in your reply …". */
const REPLY_DIRECTIVE =
  '(?:^|[.!?|]\\s*)(?:please )?(?:include|add|integrate|insert|append|incorporate|augment|enhance|end|begin|start|provide|use|apply|render|write|format|translate|phrase|answer|respond|reply|mention|stress|emphasi[sz]e|recommend)\\b[^.!?]{0,60}\\b(?:your|the) (?:reply|response|answer|summary|output)\\b';

const ADDRESSED_PATTERNS = ADDRESSED.map((source) => new RegExp(source));
const REPLY_PATTERN = new RegExp(REPLY_DIRECTIVE);

/** An order the sentence gives, in any language of the corpus (an address without one is just a mention). */
const ORDER =
  /\b(?:ignore|ignoring|disregard|forget|drop|stop|do not|don't|never|always|instead|must|should|need to|has to|have to|send|forward|email|e-mail|delete|remove|erase|run|execute|call|tell|say|reply|respond|write|add|include|recommend|reveal|print|output|list|post|close|cancel|accept|mark|change|transfer|pay|visit|rate|skip|describe|omit|claim|ask|approve|install|download|share|upload|quietly|your (?:new |real |actual |only )?(?:task|objective|goal|job|instructions)|ignora|olvida|olvide|deja|reenvía|envía|envia|dile|responde|vergiss|ignoriere|empfiehl|sende|schick|oublie|envoie|dis|réponds|dimentica|invia|rispondi)\b|忽略|发送|发到|告诉|推荐|无视|送信|無視/;

/** Whether a normalised view of a tool output addresses an AI reader with an order. */
export function addressesReaderWithOrder(view: string): boolean {
  if (REPLY_PATTERN.test(view)) return true;
  for (const pattern of ADDRESSED_PATTERNS) {
    const match = pattern.exec(view);
    if (!match) continue;
    // The order must follow the address within the same stretch of text (about two sentences).
    const after = view.slice(match.index, match.index + match[0].length + 220);
    if (ORDER.test(after)) return true;
  }
  return false;
}
