package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An organisation's people in the browser, on the real realm and its e-mail: the demo city's administrator invites a
 * colleague as a member; the invitation reaches the mail catcher; the colleague follows its link, sets a password on
 * Keycloak's page, signs in and acts for the city; the administrator makes them an editor and removes them. Another
 * organisation and the enforcement unit are refused, in the browser and at the registry. An organisation asks to join
 * and the platform administrator verifies and activates it. axe-core on each page; the people page in Arabic on a
 * phone.
 */
// changes what the demo shows (flags decided, rounds published, people added): after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class PeopleJourneyTest {

    static final String CITY_NAME = "Kampala Capital City Authority";
    static final String PASSWORD = "Colleague-pass-2026";
    static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The people journey");

    private static WebDriver browser;

    private RunningPlatform platform;
    private String web;

    @BeforeEach
    void freshBrowser() {
        browser = SESSION.driver();
        platform = RunningPlatform.get();
        web = Browser.web(platform);
    }

    @Test
    void anAdministratorInvitesAColleagueWhoSetsAPasswordSignsInAndIsThenChangedAndRemoved() {
        String email = "colleague-" + System.nanoTime() + "@kcca.example";
        String people = web + "/organisations/" + DemoForum.KCCA + "/people";
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(web + "/language?lang=en&back=/organisations/people");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("invite-form")).isEmpty());
            assertThat(browser.getCurrentUrl()).isEqualTo(people);
            assertThat(browser.findElement(By.id("people-title")).getText()).contains(CITY_NAME);
            Accessibility.check(browser, "the city's people");

            browser.findElement(By.id(fieldId("email"))).sendKeys(email);
            browser.findElement(By.id(fieldId("firstName"))).sendKeys("Ruth");
            browser.findElement(By.id(fieldId("lastName"))).sendKeys("Nakato");
            assertThat(browser.findElement(By.cssSelector("#invite-form input[name=roles][value=member]"))
                            .isSelected())
                    .isTrue();
            Browser.submit(browser, browser.findElement(By.id("send-invitation")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("people-notice")).isEmpty());
            assertThat(browser.findElement(By.id("people-notice")).getText()).contains(email);
            WebElement invited = person(email);
            assertThat(invited.getText()).contains("Ruth Nakato", "Invited, password not set yet");
            Accessibility.check(browser, "the city's people after an invitation");
        });

        // the realm's "set your password" e-mail, through the stack's SMTP server
        Mailbox.Mail mail = new Mailbox(platform).await(m -> m.to().contains(email), Duration.ofSeconds(60));
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as("a set-password link in: " + mail.text()).isTrue();
        String setPassword = link.group(1).replace("&amp;", "&");
        assertThat(setPassword).startsWith(platform.settings().issuer());

        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(setPassword);
            // Keycloak may first say which actions the link performs, then asks for the new password
            Browser.waitFor(
                    browser,
                    d -> !d.findElements(By.id("password-new")).isEmpty()
                            || !d.findElements(By.partialLinkText("here")).isEmpty());
            if (browser.findElements(By.id("password-new")).isEmpty()) {
                browser.findElement(By.partialLinkText("here")).click();
                Browser.waitFor(
                        browser, d -> !d.findElements(By.id("password-new")).isEmpty());
            }
            browser.findElement(By.id("password-new")).sendKeys(PASSWORD);
            browser.findElement(By.id("password-confirm")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form [type=submit]")).click();
            Browser.waitFor(browser, d -> d.findElements(By.id("password-new")).isEmpty());

            // the colleague signs in with the address and password and acts for the city
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=/");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            Browser.waitFor(
                    browser,
                    d -> d.getCurrentUrl().startsWith(web)
                            && !d.findElements(By.id("who")).isEmpty());
            assertThat(browser.findElement(By.id("organisation")).getText()).isEqualTo(CITY_NAME);
            assertThat(browser.findElements(By.id("nav-people"))).isEmpty();
            // a member does not manage the city's people
            browser.get(people);
            Browser.waitFor(browser, d -> !d.findElements(By.id("problem")).isEmpty());
            assertThat(browser.findElement(By.id("problem")).getDomAttribute("data-status"))
                    .isEqualTo("403");
        });

        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=/organisations/people");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("invite-form")).isEmpty());
            WebElement colleague = person(email);
            assertThat(colleague.getText()).doesNotContain("Invited, password not set yet");
            String id = colleague
                    .findElement(By.cssSelector("form.person-remove button"))
                    .getDomAttribute("id");
            String personId = id.substring("remove-".length());

            // an editor instead of a member
            browser.findElement(By.id("role-" + personId + "-member")).click();
            browser.findElement(By.id("role-" + personId + "-org-editor")).click();
            Browser.submit(browser, browser.findElement(By.id("save-roles-" + personId)));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("people-notice")).isEmpty());
            assertThat(browser.findElement(By.id("role-" + personId + "-org-editor"))
                            .isSelected())
                    .isTrue();
            assertThat(browser.findElement(By.id("role-" + personId + "-member"))
                            .isSelected())
                    .isFalse();

            // and then removed
            Browser.submit(browser, browser.findElement(By.id("remove-" + personId)));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("people-notice")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("[data-person='" + email + "']")))
                    .isEmpty();
            assertThat(browser.findElement(By.id("history-table")).getText())
                    .contains("Removed " + email, "Set the roles of " + email + " to Editor", "kcca-coordinator");
            Accessibility.check(browser, "the city's people after a removal");

            // in Arabic, on a phone
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(web + "/language?lang=ar&back=/organisations/people");
            Browser.waitFor(browser, d -> !d.findElements(By.id("invite-form")).isEmpty());
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            Accessibility.check(browser, "the city's people in Arabic at 390 px");
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(web + "/language?lang=en&back=/organisations/people");
        });

        // the removed colleague's account is gone: the login page refuses them
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            Browser.waitFor(browser, d -> d.getPageSource().contains("Invalid username or password"));
            assertThat(browser.getCurrentUrl()).startsWith(platform.settings().issuer());
        });
    }

    @Test
    void anotherOrganisationAndTheEnforcementUnitAreRefused() {
        String people = "/organisations/" + DemoForum.KCCA + "/people";
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=" + people);
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "dcic-officer");
            Browser.waitFor(browser, d -> !d.findElements(By.id("problem")).isEmpty());
            assertThat(browser.findElement(By.id("problem")).getDomAttribute("data-status"))
                    .isEqualTo("403");
            assertThat(browser.findElements(By.id("invite-form"))).isEmpty();
            Accessibility.check(browser, "the city's people refused to the enforcement unit");
        });
        String invitation = "{\"email\":\"intruder-" + System.nanoTime() + "@example.org\",\"roles\":[\"member\"]}";
        for (String outsider : new String[] {"dcic-officer", "ngo-editor"}) {
            var refused = platform.api.call(
                    "POST",
                    PlatformService.REGISTRY,
                    "/stakeholders/" + DemoForum.KCCA + "/people",
                    platform.token(outsider),
                    invitation,
                    Map.of());
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            assertThat(refused.body()).contains("\"status\":403");
        }
        // nobody is made a platform administrator this way, not even by the city's own administrator
        var platformAdmin = platform.api.call(
                "POST",
                PlatformService.REGISTRY,
                "/stakeholders/" + DemoForum.KCCA + "/people",
                platform.token("kcca-coordinator"),
                "{\"email\":\"chief-" + System.nanoTime() + "@kcca.example\",\"roles\":[\"platform-admin\"]}",
                Map.of());
        assertThat(platformAdmin.status()).isEqualTo(403);
    }

    @Test
    void anOrganisationAsksToJoinAndThePlatformAdministratorActivatesIt() {
        String name = "Kiryandongo Refugee Youth Network " + System.nanoTime();
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=/organisations/join");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("join-form")).isEmpty());
            Accessibility.check(browser, "asking to join");
            browser.findElement(By.id(fieldId("name"))).sendKeys(name);
            new Select(browser.findElement(By.id(fieldId("type")))).selectByValue("YOUTH_ORGANISATION");
            browser.findElement(By.id(fieldId("jurisdiction.country"))).sendKeys("UG");
            browser.findElement(By.id(fieldId("externalIdentifiers[0].identifier")))
                    .sendKeys("UG-NGB-4711");
            browser.findElement(By.id(fieldId("contact.email"))).sendKeys("office@kryn.example");
            Browser.submit(browser, browser.findElement(By.id("send-request")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("join-notice")).isEmpty());
            assertThat(browser.findElement(By.id("join-notice")).getText()).contains(name);

            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=/admin/organisations");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "platform-admin");
            Browser.waitFor(browser, d -> !d.findElements(By.id("queue-title")).isEmpty());
            Accessibility.check(browser, "the joining queue");
            Browser.submit(browser, candidate(name).findElement(By.cssSelector("button[id^=verify-]")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("queue-notice")).isEmpty());
            Browser.submit(browser, candidate(name).findElement(By.cssSelector("button[id^=activate-]")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("invite-form")).isEmpty());
            assertThat(browser.findElement(By.id("people-title")).getText()).contains(name);
            assertThat(browser.findElement(By.id(fieldId("email"))).getDomProperty("value"))
                    .isEqualTo("office@kryn.example");
            assertThat(browser.findElement(By.cssSelector("#invite-form input[name=roles][value=org-admin]"))
                            .isSelected())
                    .isTrue();
            Browser.submit(browser, browser.findElement(By.id("send-invitation")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("people-notice")).isEmpty());
            assertThat(browser.findElement(By.id("people-notice")).getText()).contains("office@kryn.example");
            // the identity provider may list the new account a moment after it was made
            Browser.waitFor(browser, d -> {
                if (!d.findElements(By.cssSelector("[data-person='office@kryn.example']"))
                        .isEmpty()) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
            assertThat(person("office@kryn.example").getText()).contains("Invited, password not set yet");
        });
        Mailbox.Mail mail =
                new Mailbox(platform).await(m -> m.to().contains("office@kryn.example"), Duration.ofSeconds(60));
        assertThat(LINK.matcher(mail.text()).find()).isTrue();
    }

    private static WebElement person(String email) {
        return browser.findElement(By.cssSelector("[data-person='" + email + "']"));
    }

    private static WebElement candidate(String name) {
        return browser.findElement(By.cssSelector("[data-organisation='" + name + "']"));
    }

    /** The id the web application's forms give a field (see FormResult.fieldId). */
    private static String fieldId(String field) {
        return "field-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
