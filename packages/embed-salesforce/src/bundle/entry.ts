// The static resource's script: loaded once per page by the kizunaDashboard component.
// cspSafeZod comes first: it must run before any module builds a schema.
import './cspSafeZod';
import '@kizuna/widgets/styles.css';
import { installKizunaEmbed } from './installKizunaEmbed';

installKizunaEmbed(window);
