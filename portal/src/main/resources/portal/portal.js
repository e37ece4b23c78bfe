// Progressive enhancement only: every page works without this file. GOV.UK Frontend's components (character
// count, conditional reveals, exclusive checkboxes, error summary focus) start once the browser says it can run them.
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()
