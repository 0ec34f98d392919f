@NullMarked
package org.arrival.registry.apiclients.web;

import org.jspecify.annotations.NullMarked;
