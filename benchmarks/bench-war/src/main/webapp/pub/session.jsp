<%@ page contentType="text/plain;charset=UTF-8" session="true" %><%--
  The page the filter's signed-in GET is compared with when sessions are replicated: no filter, and a small
  session of its own that it reads on every request (made on the first).
--%><%
    Object visitor = session.getAttribute("visitor");
    if (visitor == null) {
        visitor = "visitor-" + Integer.toHexString(session.getId().hashCode());
        session.setAttribute("visitor", visitor);
    }
%>Hello, <%= visitor %>
