import { describe, expect, it } from "vitest";
import { apiUrlFromEnv } from "../../src/github/api-url.js";

describe("the API a command outside Actions talks to", () => {
  it("is GITHUB_API_URL when it is set, as on every Actions runner", () => {
    expect(apiUrlFromEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3", GITHUB_SERVER_URL: "https://ghe.example.com" })).toBe(
      "https://ghe.example.com/api/v3",
    );
  });

  it("is the API of the server GITHUB_SERVER_URL names, never api.github.com for an enterprise server's token", () => {
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://ghe.example.com" })).toBe("https://ghe.example.com/api/v3");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "http://ghe.example.com:8080/" })).toBe("http://ghe.example.com:8080/api/v3");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://acme.ghe.com" })).toBe("https://api.acme.ghe.com");
    expect(apiUrlFromEnv({ GITHUB_SERVER_URL: "https://github.com" })).toBe("https://api.github.com");
    expect(apiUrlFromEnv({ GITHUB_API_URL: "", GITHUB_SERVER_URL: "" })).toBe("https://api.github.com");
    expect(apiUrlFromEnv({})).toBe("https://api.github.com");
  });

  it("refuses a GITHUB_SERVER_URL that is no URL rather than guess where to send the token", () => {
    expect(() => apiUrlFromEnv({ GITHUB_SERVER_URL: "ghe.example.com" })).toThrow(
      'GITHUB_SERVER_URL "ghe.example.com" is not a URL (e.g. https://github.example.com); set GITHUB_API_URL to the server\'s API',
    );
  });
});
