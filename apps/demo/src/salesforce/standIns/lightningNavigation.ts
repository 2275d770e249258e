/**
 * Stand-in for `lightning/navigation`: `NavigationMixin(Base)` adds the two methods Lightning's
 * navigation service adds, keyed by the mixin's symbols — `this[NavigationMixin.Navigate](pageReference,
 * replace?)` goes to the page (a new history entry, or in place of this one with `replace`) and
 * `this[NavigationMixin.GenerateUrl](pageReference)` resolves with its URL. Page references are
 * resolved by `recordPageUrl` (Account record pages only).
 */
import { recordPageUrl } from './recordPageUrl';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** A component class (`LightningElement` or a subclass of it). */
type ComponentClass = new () => object;

function navigationMixin(Base: ComponentClass): ComponentClass {
  return class extends Base {
    [Navigate](pageReference: unknown, replace?: boolean): void {
      const url = recordPageUrl(pageReference, window.location);
      if (replace === true) window.location.replace(url);
      else window.location.assign(url);
    }

    [GenerateUrl](pageReference: unknown): Promise<string> {
      return new Promise((resolve) => resolve(recordPageUrl(pageReference, window.location)));
    }
  };
}

export const NavigationMixin = Object.assign(navigationMixin, { Navigate, GenerateUrl });
