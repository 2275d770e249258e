/** The bundle's mount contract this component speaks (window.KizunaEmbed.version). */
export const EMBED_VERSION = 1;

let loading;

function loadedEmbed() {
    const embed = window.KizunaEmbed;
    if (!embed || typeof embed.mount !== 'function') return undefined;
    if (embed.version !== EMBED_VERSION) {
        throw new Error(`The kizunaEmbed static resource speaks version ${embed.version}, this component ${EMBED_VERSION}. Deploy both from one build.`);
    }
    return embed;
}

/**
 * Loads the bundle's script and style once per page, however many dashboards the page holds:
 * a bundle already on the page is used as it is, and a load in flight is shared. A failed load
 * is forgotten, so the next component (or a reload of this one) tries again.
 */
export function loadEmbed({ script, style }) {
    const present = loadedEmbed();
    if (present) return Promise.resolve(present);
    if (!loading) {
        loading = Promise.all([script(), style()])
            .then(() => {
                const embed = loadedEmbed();
                if (!embed) throw new Error('The kizunaEmbed static resource loaded but did not define window.KizunaEmbed.');
                return embed;
            })
            .finally(() => {
                loading = undefined;
            });
    }
    return loading;
}
