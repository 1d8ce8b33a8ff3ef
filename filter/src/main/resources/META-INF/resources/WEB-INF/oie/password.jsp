<%@ include file="_top.jspf" %>
<h1><fmt:message key="oie.title.password" bundle="${oieText}"/></h1>
<form method="post" action="${fn:escapeXml(oie.passwordUrl)}" id="oie-password">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <label for="password"><fmt:message key="oie.label.password" bundle="${oieText}"/></label>
  <input type="password" id="password" name="password" autocomplete="current-password" required autofocus>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.verify" bundle="${oieText}"/></button>
</form>
<form method="post" action="${fn:escapeXml(oie.restartUrl)}" id="oie-restart">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <button type="submit" class="link"><fmt:message key="oie.button.startOver" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
