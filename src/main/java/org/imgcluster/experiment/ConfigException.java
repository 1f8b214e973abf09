package org.imgcluster.experiment;

import org.imgcluster.data.BadInputException;

/** A config file that cannot be run: the message names the file, the key and what is wrong, on one line. */
public final class ConfigException extends BadInputException {
    public ConfigException(String message) {
        super(message);
    }
}
