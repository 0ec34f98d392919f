/**
 * What every deployment of the platform (docker-compose, the Helm chart) must agree with, read from the repository
 * itself: the service modules and the settings of their {@code application.yml}, the environment variables the
 * platform libraries read, the Keycloak realm.
 */
@NullMarked
package org.arrival.deployment;

import org.jspecify.annotations.NullMarked;
