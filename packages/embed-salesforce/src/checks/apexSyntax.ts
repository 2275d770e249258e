import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

class CollectingListener extends ApexErrorListener {
  readonly errors: string[] = [];

  override apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${line}:${column} ${message.slice(0, 160)}`);
  }
}

/** Syntax errors of an Apex class, lexer and parser both (`line:column message`); empty when it parses. */
export function apexSyntaxErrors(source: string): string[] {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  parser.compilationUnit();
  return listener.errors;
}

/** Syntax errors of an Apex trigger (`trigger Name on Object (events) { … }`); empty when it parses. */
export function apexTriggerSyntaxErrors(source: string): string[] {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  parser.triggerUnit();
  return listener.errors;
}
