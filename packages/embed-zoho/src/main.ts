// The widget bundle's entry: loaded by app/widget.html after Zoho's SDK script.
import './cspSafeZod';
import '@kizuna/widgets/styles.css';
import './widget/widget.css';
import { localeFor } from '@kizuna/widgets';
import { startZohoWidget } from './widget/startZohoWidget';
import { widgetMessage } from './widget/widgetMessages';

const container = document.getElementById('kizuna-root');
const zoho = globalThis.ZOHO;
if (container !== null) {
  if (zoho === undefined) {
    const message = document.createElement('p');
    message.className = 'kz-state kz-state--error';
    message.setAttribute('role', 'alert');
    message.textContent = widgetMessage(localeFor(navigator.language), 'notInZoho');
    container.replaceChildren(message);
  } else {
    startZohoWidget({ zoho, container, search: window.location.search, browserLanguage: navigator.language });
  }
}
