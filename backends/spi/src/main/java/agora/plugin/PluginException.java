package agora.plugin;

/**
 * A provider of a service could not be loaded (its class is missing, does not implement the
 * service, or its constructor failed), or two providers claim the same name. The message names
 * the jar or folder the provider comes from, so a user knows which plug-in to fix or remove.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }

    public PluginException(String message) {
        super(message);
    }
}
