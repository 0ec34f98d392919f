package org.arrival.registry.apiclients.web;

import org.arrival.registry.apiclients.application.ApiClientService.Issued;

/**
 * An API client with its secret, answered once, when the client is made or its secret rotated: the platform keeps no
 * copy, so whoever asked must store it now.
 */
public record IssuedSecretView(ApiClientView client, String clientSecret) {

    static IssuedSecretView of(Issued issued) {
        return new IssuedSecretView(ApiClientView.of(issued.client()), issued.secret());
    }
}
