<%@ include file="_top.jspf" %>
<p><fmt:message key="${oie.enrolling ? 'oie.text.selectEnroll' : 'oie.text.select'}" bundle="${oieText}"/></p>
<c:if test="${not empty oie.options}">
<form method="post" action="${fn:escapeXml(oie.selectUrl)}" id="oie-select">
  <%@ include file="_hidden.jspf" %>
  <c:forEach var="option" items="${oie.options}" varStatus="n">
    <label class="option"><input type="radio" name="authenticator" value="${fn:escapeXml(option.value())}" id="oie-option-${fn:escapeXml(option.labelKey())}" ${n.first ? 'checked' : ''}>
      <fmt:message key="oie.authenticator.${option.labelKey()}" bundle="${oieText}"/></label>
  </c:forEach>
  <c:set var="oieField" value="authenticator"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.choose" bundle="${oieText}"/></button>
</form>
</c:if>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link" id="oie-skip-button"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
